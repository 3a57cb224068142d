package dev.roadie.synth;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads and checks a SoundFont 2 file: the RIFF {@code sfbk} form, its {@code INFO}, {@code sdta}
 * and {@code pdta} lists, the preset headers and the sample headers against the sample data. Only
 * the headers are read; the sample data (most of the file) is skipped, so a 100 MB soundfont is
 * checked in milliseconds.
 */
final class Sf2Reader {
  private static final int PRESET_RECORD = 38;
  private static final int BAG_RECORD = 4;
  private static final int INSTRUMENT_RECORD = 22;
  private static final int SAMPLE_RECORD = 46;
  private static final int ROM_SAMPLE = 0x8000;
  private static final int MOST_PROBLEMS = 5;
  private static final List<String> PRESET_CHUNKS =
      List.of("phdr", "pbag", "pmod", "pgen", "inst", "ibag", "imod", "igen", "shdr");

  /** Preset data beyond this is no soundfont anyone made; refuse rather than allocate it. */
  private static final long MOST_PRESET_DATA = 64L << 20;

  private Sf2Reader() {}

  static Soundfont read(Path path) {
    Parse parse = new Parse(path);
    try {
      parse.run();
    } catch (Broken e) {
      parse.problems.add(e.getMessage());
    } catch (AccessDeniedException e) {
      parse.problems.add("cannot be read: permission denied");
    } catch (IOException e) {
      parse.problems.add("cannot be read: " + e.getMessage());
    }
    return new Soundfont(
        path,
        parse.size,
        parse.name,
        parse.version,
        parse.presets.stream().sorted().toList(),
        parse.instruments,
        parse.samples,
        parse.problems);
  }

  /** A fault that ends the reading: the rest of the file cannot be trusted. */
  private static final class Broken extends Exception {
    Broken(String message) {
      super(message, null, false, false);
    }
  }

  private record Chunk(String id, long offset, long size) {}

  private static final class Parse {
    final Path path;
    final List<String> problems = new ArrayList<>();
    final List<Preset> presets = new ArrayList<>();
    long size;
    String name = "";
    String version = "";
    int instruments;
    int samples;
    FileChannel channel;

    Parse(Path path) {
      this.path = path;
    }

    void run() throws IOException, Broken {
      if (!Files.exists(path)) throw new Broken("does not exist");
      if (Files.isDirectory(path)) throw new Broken("is a directory, not a file");
      size = Files.size(path);
      if (size == 0) throw new Broken("is empty (0 bytes)");
      try (FileChannel opened = FileChannel.open(path, StandardOpenOption.READ)) {
        channel = opened;
        long end = header();
        Map<String, Chunk> lists = lists(end);
        info(require(lists, "INFO", "has no INFO list (name and version)"));
        long samplePoints =
            sampleData(require(lists, "sdta", "has no sample data (no 'sdta' list)"));
        presetData(require(lists, "pdta", "has no preset data (no 'pdta' list)"), samplePoints);
      }
    }

    /** Checks the RIFF header; returns where the RIFF form ends. */
    private long header() throws IOException, Broken {
      ByteBuffer head = read(0, (int) Math.min(size, 12));
      String magic = ascii(head, 0, Math.min(4, head.limit()));
      if (!magic.equals("RIFF")) {
        throw new Broken("is not a SoundFont: " + FileKinds.describe(head));
      }
      if (size < 12) {
        throw new Broken("is truncated: " + size + " bytes, shorter than a RIFF header (12 bytes)");
      }
      String form = ascii(head, 8, 4);
      if (!form.equals("sfbk")) {
        throw new Broken(
            "is a RIFF file of type '"
                + form
                + "'"
                + FileKinds.riffForm(form)
                + ", not a SoundFont ('sfbk')");
      }
      long declared = u32(head, 4) + 8;
      if (declared > size) {
        throw new Broken(
            "is truncated: its RIFF header declares " + declared + " bytes, the file has " + size);
      }
      return declared;
    }

    /** The top-level LIST chunks by their type: INFO, sdta, pdta. */
    private Map<String, Chunk> lists(long end) throws IOException, Broken {
      Map<String, Chunk> lists = new LinkedHashMap<>();
      for (Chunk chunk : chunks(12, end, "the file")) {
        if (chunk.id().equals("LIST") && chunk.size() >= 4) {
          String type = ascii(read(chunk.offset(), 4), 0, 4);
          lists.putIfAbsent(type, new Chunk(type, chunk.offset() + 4, chunk.size() - 4));
        }
      }
      return lists;
    }

    private void info(Chunk list) throws IOException, Broken {
      Map<String, Chunk> chunks = byId(chunks(list.offset(), list.offset() + list.size(), "INFO"));
      Chunk ifil = chunks.get("ifil");
      if (ifil == null || ifil.size() < 4) {
        throw new Broken("has no version ('ifil' chunk) in its INFO list");
      }
      ByteBuffer v = read(ifil.offset(), 4);
      int major = u16(v, 0);
      int minor = u16(v, 2);
      version = String.format(Locale.ROOT, "%d.%02d", major, minor);
      Chunk inam = chunks.get("INAM");
      if (inam != null) {
        ByteBuffer text = read(inam.offset(), (int) Math.min(inam.size(), 256));
        name = text(text, 0, text.limit());
      }
      if (major != 2) {
        throw new Broken(
            "is SoundFont version "
                + version
                + (major == 3 ? " (compressed samples)" : "")
                + "; only version 2 files can be played");
      }
    }

    /** The number of 16-bit sample points in the {@code smpl} chunk. */
    private long sampleData(Chunk list) throws IOException, Broken {
      Map<String, Chunk> chunks = byId(chunks(list.offset(), list.offset() + list.size(), "sdta"));
      Chunk smpl = chunks.get("smpl");
      if (smpl == null) {
        throw new Broken("has no sample data ('smpl' chunk) in its 'sdta' list");
      }
      return smpl.size() / 2;
    }

    private void presetData(Chunk list, long samplePoints) throws IOException, Broken {
      if (list.size() > MOST_PRESET_DATA) {
        throw new Broken("has " + list.size() + " bytes of preset data, more than any soundfont");
      }
      Map<String, Chunk> chunks = byId(chunks(list.offset(), list.offset() + list.size(), "pdta"));
      for (String id : PRESET_CHUNKS) {
        if (!chunks.containsKey(id)) {
          throw new Broken("has no '" + id + "' chunk in its preset data");
        }
      }
      int bags = records(chunks.get("pbag"), BAG_RECORD);
      ByteBuffer headers = read(chunks.get("phdr"));
      int presetCount = records(chunks.get("phdr"), PRESET_RECORD) - 1;
      int lastBag = 0;
      for (int i = 0; i <= presetCount; i++) {
        int at = i * PRESET_RECORD;
        String presetName = text(headers, at, 20);
        int bag = u16(headers, at + 24);
        String who = i == presetCount ? "the preset list's end" : "preset '" + presetName + "'";
        if (bag < lastBag) {
          throw new Broken(who + " points at zone " + bag + ", before the preset above it");
        }
        if (bag >= bags) {
          throw new Broken(
              who + " points at zone " + bag + ", past the " + bags + " zones in 'pbag'");
        }
        lastBag = bag;
        if (i == presetCount) break;
        int program = u16(headers, at + 20);
        int bank = u16(headers, at + 22);
        if (program > 127) {
          problems.add("preset '" + presetName + "' has program " + program + ", outside 0..127");
        }
        presets.add(new Preset(bank, program, presetName));
      }
      if (presets.isEmpty()) {
        problems.add("has no presets");
      }
      instruments = records(chunks.get("inst"), INSTRUMENT_RECORD) - 1;
      samples = records(chunks.get("shdr"), SAMPLE_RECORD) - 1;
      checkSamples(read(chunks.get("shdr")), samplePoints);
    }

    private void checkSamples(ByteBuffer headers, long samplePoints) {
      List<String> wrong = new ArrayList<>();
      for (int i = 0; i < samples; i++) {
        int at = i * SAMPLE_RECORD;
        if ((u16(headers, at + 44) & ROM_SAMPLE) != 0) {
          continue;
        }
        String sampleName = text(headers, at, 20);
        long start = u32(headers, at + 20);
        long end = u32(headers, at + 24);
        if (end > samplePoints) {
          wrong.add(
              "sample '"
                  + sampleName
                  + "' ends at point "
                  + end
                  + ", past the "
                  + samplePoints
                  + " points of sample data");
        } else if (start > end) {
          wrong.add("sample '" + sampleName + "' starts at point " + start + ", after its end");
        }
      }
      problems.addAll(wrong.subList(0, Math.min(wrong.size(), MOST_PROBLEMS)));
      if (wrong.size() > MOST_PROBLEMS) {
        problems.add("and " + (wrong.size() - MOST_PROBLEMS) + " more samples like that");
      }
    }

    /** The whole records in a chunk, the terminal record included; at least that one. */
    private int records(Chunk chunk, int recordSize) throws Broken {
      if (chunk.size() % recordSize != 0) {
        throw new Broken(
            "its '"
                + chunk.id()
                + "' chunk is "
                + chunk.size()
                + " bytes, not a whole number of "
                + recordSize
                + "-byte records");
      }
      if (chunk.size() == 0) {
        throw new Broken("its '" + chunk.id() + "' chunk is empty; it needs its end record");
      }
      return (int) (chunk.size() / recordSize);
    }

    private List<Chunk> chunks(long start, long end, String where) throws IOException, Broken {
      List<Chunk> chunks = new ArrayList<>();
      long at = start;
      while (at + 8 <= end) {
        ByteBuffer head = read(at, 8);
        String id = ascii(head, 0, 4);
        long length = u32(head, 4);
        if (at + 8 + length > end) {
          throw new Broken(
              "its '"
                  + id
                  + "' chunk at offset "
                  + at
                  + " declares "
                  + length
                  + " bytes, past the end of "
                  + where
                  + " ("
                  + (end - at - 8)
                  + " bytes left)");
        }
        chunks.add(new Chunk(id, at + 8, length));
        at += 8 + length + (length & 1);
      }
      return chunks;
    }

    private static Map<String, Chunk> byId(List<Chunk> chunks) {
      Map<String, Chunk> byId = new LinkedHashMap<>();
      chunks.forEach(chunk -> byId.putIfAbsent(chunk.id(), chunk));
      return byId;
    }

    private static Chunk require(Map<String, Chunk> lists, String type, String problem)
        throws Broken {
      Chunk list = lists.get(type);
      if (list == null) throw new Broken(problem);
      return list;
    }

    private ByteBuffer read(Chunk chunk) throws IOException {
      return read(chunk.offset(), (int) chunk.size());
    }

    private ByteBuffer read(long offset, int length) throws IOException {
      ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, offset + buffer.position()) < 0) {
          throw new EOFException("the file ended at byte " + (offset + buffer.position()));
        }
      }
      return buffer.flip();
    }
  }

  static String ascii(ByteBuffer buffer, int at, int length) {
    byte[] bytes = new byte[length];
    buffer.get(at, bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  /** A zero-terminated name field. */
  private static String text(ByteBuffer buffer, int at, int length) {
    String raw = ascii(buffer, at, length);
    int zero = raw.indexOf('\0');
    return (zero < 0 ? raw : raw.substring(0, zero)).strip();
  }

  private static int u16(ByteBuffer buffer, int at) {
    return Short.toUnsignedInt(buffer.getShort(at));
  }

  private static long u32(ByteBuffer buffer, int at) {
    return Integer.toUnsignedLong(buffer.getInt(at));
  }
}
