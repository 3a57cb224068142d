package dev.roadie.report;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * What became of a report's charts when it was written: each chart with points was drawn into a PNG
 * or could not be drawn, for a reason the documents show in its place.
 */
record Drawings(Map<Block.Chart, Image> images, Map<Block.Chart, String> failures) {
  Drawings {
    // By identity: two charts alike in every way (in two sections) are still two drawings.
    images = Collections.unmodifiableMap(new IdentityHashMap<>(images));
    failures = Collections.unmodifiableMap(new IdentityHashMap<>(failures));
  }

  /** A drawn chart as the documents refer to it. */
  record Image(String file, byte[] png) {}

  /** The chart's PNG; null when it has no points or could not be drawn. */
  Image image(Block.Chart chart) {
    return images.get(chart);
  }

  /** Why the chart could not be drawn; null when it was, or had nothing to draw. */
  String failure(Block.Chart chart) {
    return failures.get(chart);
  }
}
