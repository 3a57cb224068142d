package dev.roadie.sox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.roadie.config.RoadieConfig.SoxConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The engines one test started, registered with {@code @RegisterExtension}; after each test it
 * closes them and checks the promise every pool test is about: no sox process of ours is left
 * running, and none is left unreaped.
 */
final class SoxEngines implements org.junit.jupiter.api.extension.AfterEachCallback {
  private final List<SoxEngine> started = new ArrayList<>();

  SoxEngine start(SoxConfig config) {
    SoxEngine engine = new SoxEngine(config);
    started.add(engine);
    return engine;
  }

  @Override
  public void afterEach(org.junit.jupiter.api.extension.ExtensionContext context) throws Exception {
    started.forEach(SoxEngine::close);
    SoxTesting.await("no sox process of ours is left", () -> SoxTesting.soxChildren().isEmpty());
    assertThat(SoxTesting.zombieChildren()).as("zombie children").isEmpty();
  }
}
