package dev.roadie.playbook;

import groovy.lang.Closure;
import groovy.lang.MissingPropertyException;
import groovy.lang.Script;
import java.util.Map;
import org.codehaus.groovy.runtime.typehandling.DefaultTypeTransformation;

/**
 * The base class of every playbook: each public method is one DSL keyword. The script body only
 * declares (description, params, steps, hooks); the engine runs the steps afterwards.
 *
 * <p>Names a playbook can read are a fixed, listed set ({@code config}, {@code params}, {@code
 * run}, {@code log} and the installed APIs); any other name fails with that list.
 */
public abstract class PlaybookScript extends Script {
  private Declarations declarations;
  private PlaybookWorld world;

  final void attach(Declarations declarations, PlaybookWorld world) {
    this.declarations = declarations;
    this.world = world;
  }

  /** One line saying what the playbook is for, shown by {@code roadie list}. */
  public void description(String text) {
    declarations.description(text);
  }

  /** When the scheduler runs it: a Quartz cron expression, seconds first. */
  public void schedule(String cron) {
    declarations.schedule(cron);
  }

  /** How long a whole run may take, e.g. {@code '15m'}. */
  public void timeout(String duration) {
    declarations.timeout(duration);
  }

  /** What a firing does while a run of this playbook is still going: skip, queue or parallel. */
  public void overlap(String policy) {
    declarations.overlap(policy);
  }

  /** What a firing missed while roadie was down does: run-once or skip. */
  public void misfire(String policy) {
    declarations.misfire(policy);
  }

  /** Marks the playbook safe to re-run from the start after a node died mid-run. */
  public void resumable(boolean safe) {
    declarations.resumable(safe);
  }

  public void resumable() {
    resumable(true);
  }

  /**
   * A parameter: {@code param 'name', type:, default:, required:, description:, allowed:, min:,
   * max:}.
   */
  public void param(Map<String, Object> options, String name) {
    declarations.param(name, options);
  }

  public void param(String name) {
    declarations.param(name, Map.of());
  }

  /** A step: {@code step('name', timeout:, retry:, retryDelay:, continueOnFailure:) { ... }}. */
  public void step(Map<String, Object> options, String name, Closure<?> body) {
    declarations.step(name, options, body);
  }

  public void step(String name, Closure<?> body) {
    declarations.step(name, Map.of(), body);
  }

  /** Runs when a step has failed; the closure gets the {@link StepFailure}. */
  public void onFailure(Closure<?> body) {
    declarations.hook("onFailure", body);
  }

  /** Runs when every step succeeded. */
  public void onSuccess(Closure<?> body) {
    declarations.hook("onSuccess", body);
  }

  /** Runs after the steps, whatever happened. */
  public void always(Closure<?> body) {
    declarations.hook("always", body);
  }

  /** Fails the current step with {@code message} unless {@code condition} holds (Groovy truth). */
  public void check(Object condition, Object message) {
    if (!DefaultTypeTransformation.castToBoolean(condition)) {
      throw new CheckFailedException(message == null ? "check failed" : "check failed: " + message);
    }
  }

  public void check(Object condition) {
    check(condition, null);
  }

  /**
   * Script's own lookup would try an unknown method as a closure variable and fail with "unknown
   * name"; a call that matches nothing is an unknown keyword or method, and says so.
   */
  @Override
  public Object invokeMethod(String name, Object args) {
    if (world == null || getBinding().hasVariable(name)) {
      return super.invokeMethod(name, args);
    }
    try {
      return getMetaClass().invokeMethod(this, name, args);
    } catch (groovy.lang.MissingMethodException e) {
      if (name.equals(e.getMethod()) && e.getType() == getClass()) {
        throw world.unknownMethod(name, args);
      }
      throw e;
    }
  }

  @Override
  public Object getProperty(String name) {
    if (world != null && world.knows(name)) {
      return world.lookup(name);
    }
    if ("resumable".equals(name)) {
      resumable(true);
      return null;
    }
    try {
      return super.getProperty(name);
    } catch (MissingPropertyException e) {
      if (world == null || !name.equals(e.getProperty())) {
        throw e;
      }
      throw world.unknownName(name);
    }
  }
}
