package dev.roadie.report;

import java.time.Instant;
import java.util.List;

/** What a report holds at the moment it is written: immutable, so rendering needs no locks. */
record Contents(
    String title,
    String playbook,
    String runId,
    boolean dryRun,
    Instant writtenAt,
    List<Part> sections) {

  Contents {
    sections = List.copyOf(sections);
  }

  /** A section and its blocks, in order. */
  record Part(String title, List<Block> blocks) {
    Part {
      blocks = List.copyOf(blocks);
    }
  }

  /** A chart and the title of its section. */
  record Located(String section, Block.Chart chart) {}

  /** The charts with points, in document order: chart-1.png is the first. */
  List<Located> charts() {
    return sections.stream()
        .flatMap(
            p ->
                p.blocks().stream()
                    .filter(b -> b instanceof Block.Chart c && c.hasData())
                    .map(b -> new Located(p.title(), (Block.Chart) b)))
        .toList();
  }
}
