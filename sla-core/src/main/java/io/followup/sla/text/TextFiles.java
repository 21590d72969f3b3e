package io.followup.sla.text;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The text files people hand the CLI (replay events, reps CSV, policy YAML): UTF-8, read strictly,
 * a leading byte-order mark (what Excel and Notepad write) skipped, and a file that is not UTF-8
 * named with the line where it stops being so, instead of Java's "Input length = 1".
 */
public final class TextFiles {

  private static final char BYTE_ORDER_MARK = '\uFEFF';

  private TextFiles() {}

  /**
   * A strict UTF-8 reader of {@code file} past its byte-order mark, if it has one. Bytes that are
   * not UTF-8 throw a {@link CharacterCodingException} while reading; {@link #notUtf8} says where.
   */
  public static BufferedReader open(Path file) throws IOException {
    CharsetDecoder strict =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(Files.newInputStream(file), strict));
    try {
      reader.mark(1);
      if (reader.read() != BYTE_ORDER_MARK) {
        reader.reset();
      }
      return reader;
    } catch (IOException e) {
      reader.close();
      throw e;
    }
  }

  /** {@code text} without a leading byte-order mark. */
  public static String withoutByteOrderMark(String text) {
    return !text.isEmpty() && text.charAt(0) == BYTE_ORDER_MARK ? text.substring(1) : text;
  }

  /**
   * The message for a file found not to be UTF-8: the file and the first line that is not, found by
   * reading it again a line at a time (only after a failure, so the usual read stays fast).
   */
  public static String notUtf8(Path file) {
    long line;
    try {
      line = firstLineNotUtf8(file);
    } catch (IOException e) {
      line = -1;
    }
    return file
        + (line > 0 ? " line " + line : "")
        + " is not UTF-8 text; save the file as UTF-8 (in Excel: CSV UTF-8)";
  }

  /** The number of the first line of {@code file} that is not UTF-8, or -1 when all of it is. */
  public static long firstLineNotUtf8(Path file) throws IOException {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
      CharsetDecoder strict =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT);
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      long number = 1;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          if (!decodes(strict, line)) {
            return number;
          }
          line.reset();
          number++;
        } else {
          line.write(b);
        }
      }
      return decodes(strict, line) ? -1 : number;
    }
  }

  private static boolean decodes(CharsetDecoder strict, ByteArrayOutputStream line) {
    try {
      strict.reset().decode(ByteBuffer.wrap(line.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
