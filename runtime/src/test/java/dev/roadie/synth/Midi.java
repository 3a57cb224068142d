package dev.roadie.synth;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiSystem;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/** Writes small MIDI files for render tests: 480 ticks per quarter note. */
final class Midi {
  static final int PPQ = 480;

  private final Sequence sequence;
  private final Track track;

  Midi() {
    try {
      sequence = new Sequence(Sequence.PPQ, PPQ);
      track = sequence.createTrack();
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Microseconds per quarter note from {@code tick} on. */
  Midi tempo(long tick, int micros) {
    byte[] data = {(byte) (micros >> 16), (byte) (micros >> 8), (byte) micros};
    try {
      track.add(new MidiEvent(new MetaMessage(0x51, data, 3), tick));
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  Midi program(int channel, int program, long tick) {
    return add(ShortMessage.PROGRAM_CHANGE, channel, program, 0, tick);
  }

  Midi note(int channel, int note, int velocity, long from, long to) {
    add(ShortMessage.NOTE_ON, channel, note, velocity, from);
    return add(ShortMessage.NOTE_OFF, channel, note, 0, to);
  }

  Midi add(int command, int channel, int data1, int data2, long tick) {
    try {
      track.add(new MidiEvent(new ShortMessage(command, channel, data1, data2), tick));
    } catch (InvalidMidiDataException e) {
      throw new IllegalStateException(e);
    }
    return this;
  }

  Sequence sequence() {
    return sequence;
  }

  Path write(Path file) {
    try {
      MidiSystem.write(sequence, 1, new File(file.toString()));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
