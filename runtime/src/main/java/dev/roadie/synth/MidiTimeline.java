package dev.roadie.synth;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.sound.midi.InvalidMidiDataException;
import javax.sound.midi.MetaMessage;
import javax.sound.midi.MidiEvent;
import javax.sound.midi.MidiMessage;
import javax.sound.midi.Sequence;
import javax.sound.midi.ShortMessage;
import javax.sound.midi.Track;

/**
 * MIDI messages on a timeline in microseconds, as a synthesizer's receiver takes them, with the
 * presets they play. Built from one note, or from a MIDI file's sequence through its tempo map.
 */
record MidiTimeline(List<Timed> events, long lengthMicros, Set<PresetKey> presets, int notes) {
  static final int DRUM_CHANNEL = 9;
  static final int DRUM_BANK = 128;
  private static final int DEFAULT_TEMPO = 500_000; // microseconds per quarter note: 120 bpm

  record Timed(long micros, MidiMessage message) {}

  /** A soundfont preset as an SF2 file numbers it: bank 128 holds the drum kits. */
  record PresetKey(int bank, int program) {}

  /** One note held for {@code micros}; bank 128 plays it on the drum channel. */
  static MidiTimeline note(int bank, int program, int note, int velocity, long micros) {
    int channel = bank == DRUM_BANK ? DRUM_CHANNEL : 0;
    List<Timed> events = new ArrayList<>();
    if (channel != DRUM_CHANNEL) {
      events.add(new Timed(0, message(ShortMessage.CONTROL_CHANGE, channel, 0, bank >> 7)));
      events.add(new Timed(0, message(ShortMessage.CONTROL_CHANGE, channel, 32, bank & 0x7f)));
    }
    events.add(new Timed(0, message(ShortMessage.PROGRAM_CHANGE, channel, program, 0)));
    events.add(new Timed(0, message(ShortMessage.NOTE_ON, channel, note, velocity)));
    events.add(new Timed(micros, message(ShortMessage.NOTE_OFF, channel, note, 0)));
    return new MidiTimeline(events, micros, Set.of(new PresetKey(bank, program)), 1);
  }

  /** Every channel and system-exclusive message of the sequence, timed by its tempo map. */
  static MidiTimeline of(Sequence sequence) {
    List<MidiEvent> all = new ArrayList<>();
    for (Track track : sequence.getTracks()) {
      for (int i = 0; i < track.size(); i++) {
        all.add(track.get(i));
      }
    }
    all.sort(Comparator.comparingLong(MidiEvent::getTick)); // stable: track order within a tick
    Clock clock = new Clock(sequence);
    int[] bank = new int[16];
    int[] program = new int[16];
    Set<PresetKey> presets = new LinkedHashSet<>();
    List<Timed> events = new ArrayList<>();
    int notes = 0;
    long end = 0;
    for (MidiEvent event : all) {
      long micros = clock.micros(event.getTick());
      end = Math.max(end, micros);
      MidiMessage message = event.getMessage();
      if (message instanceof MetaMessage meta) {
        if (meta.getType() == 0x51 && meta.getData().length == 3) {
          byte[] d = meta.getData();
          clock.tempo(
              event.getTick(), ((d[0] & 0xff) << 16) | ((d[1] & 0xff) << 8) | (d[2] & 0xff));
        }
        continue;
      }
      if (message instanceof ShortMessage sm && sm.getCommand() < 0xf0) {
        int ch = sm.getChannel();
        switch (sm.getCommand()) {
          case ShortMessage.CONTROL_CHANGE -> {
            if (sm.getData1() == 0) bank[ch] = sm.getData2();
          }
          case ShortMessage.PROGRAM_CHANGE -> program[ch] = sm.getData1();
          case ShortMessage.NOTE_ON -> {
            if (sm.getData2() > 0) {
              notes++;
              presets.add(
                  ch == DRUM_CHANNEL
                      ? new PresetKey(DRUM_BANK, program[ch])
                      : new PresetKey(bank[ch], program[ch]));
            }
          }
          default -> {}
        }
      }
      events.add(new Timed(micros, message));
    }
    return new MidiTimeline(List.copyOf(events), end, presets, notes);
  }

  private static ShortMessage message(int command, int channel, int data1, int data2) {
    try {
      return new ShortMessage(command, channel, data1, data2);
    } catch (InvalidMidiDataException e) {
      throw new IllegalArgumentException(e);
    }
  }

  /** Ticks to microseconds: by tempo changes for PPQ files, by frame rate for SMPTE ones. */
  private static final class Clock {
    private final Sequence sequence;
    private long lastTick;
    private double lastMicros;
    private int tempo = DEFAULT_TEMPO;

    Clock(Sequence sequence) {
      this.sequence = sequence;
    }

    long micros(long tick) {
      if (sequence.getDivisionType() != Sequence.PPQ) {
        return Math.round(tick * 1e6 / (sequence.getDivisionType() * sequence.getResolution()));
      }
      return Math.round(lastMicros + (tick - lastTick) * (double) tempo / sequence.getResolution());
    }

    void tempo(long tick, int microsPerQuarter) {
      lastMicros = micros(tick);
      lastTick = tick;
      tempo = microsPerQuarter;
    }
  }
}
