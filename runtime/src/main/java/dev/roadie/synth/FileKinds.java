package dev.roadie.synth;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import java.util.Map;

/** Names what a file is from its first bytes, for "is not a SoundFont: it is a MIDI file". */
final class FileKinds {
  private static final Map<String, String> MAGIC =
      Map.of(
          "MThd", "a MIDI file",
          "OggS", "an Ogg file",
          "fLaC", "a FLAC file",
          "PK\u0003\u0004", "a zip archive",
          "ID3", "an MP3 file",
          "\u007fELF", "a program (ELF)",
          "%PDF", "a PDF document",
          "<?xm", "an XML document");

  private static final Map<String, String> RIFF_FORMS =
      Map.of("WAVE", "a WAV audio file", "AVI ", "an AVI video", "RMID", "a RIFF MIDI file");

  private FileKinds() {}

  /** {@code it is a MIDI file}, or {@code it starts with 'hello wo', not 'RIFF'}. */
  static String describe(ByteBuffer head) {
    int length = Math.min(head.limit(), 8);
    String start = Sf2Reader.ascii(head, 0, length);
    for (Map.Entry<String, String> kind : MAGIC.entrySet()) {
      if (start.startsWith(kind.getKey())) {
        return "it is " + kind.getValue() + " (starts with '" + printable(kind.getKey()) + "')";
      }
    }
    boolean text = start.chars().allMatch(c -> c >= 0x20 && c < 0x7f || c == '\n' || c == '\t');
    String shown =
        text
            ? "'" + printable(start) + "'"
            : "bytes "
                + HexFormat.ofDelimiter(" ")
                    .formatHex(start.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
    return "it starts with " + shown + ", not 'RIFF'";
  }

  /** {@code (a WAV audio file)} for a known RIFF form, else nothing. */
  static String riffForm(String form) {
    String kind = RIFF_FORMS.get(form);
    return kind == null ? "" : " (" + kind + ")";
  }

  private static String printable(String text) {
    StringBuilder out = new StringBuilder();
    text.chars()
        .forEach(
            c ->
                out.append(
                    c >= 0x20 && c < 0x7f
                        ? String.valueOf((char) c)
                        : "\\x" + String.format("%02x", c)));
    return out.toString();
  }
}
