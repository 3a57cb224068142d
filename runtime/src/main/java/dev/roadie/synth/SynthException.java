package dev.roadie.synth;

/**
 * Something a person can fix went wrong in the synth API: a bad argument, a broken soundfont, a
 * FluidSynth server that is not there. The message says what, where and what to do; playbooks show
 * it without a stack trace.
 */
public class SynthException extends RuntimeException {
  public SynthException(String message) {
    super(message);
  }

  public SynthException(String message, Throwable cause) {
    super(message, cause);
  }
}
