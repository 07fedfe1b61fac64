package io.lakegate.guardrails;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One case of the adversarial corpus ({@code corpus/*.tsv}): an id, the expected outcome and the
 * input. A line is {@code id TAB expected TAB input}; {@code #} starts a comment line. Expected is
 * {@code reject RULE} (a {@link GuardrailRule}, or {@code SYNTAX} / {@code VALIDATION} for what
 * Calcite itself refuses) or {@code accept limit=N [rows=K]}. In the input, backslash n, r, t, backslash
 * and u with four hex digits are Java's escapes, {@code \xHH} is a raw byte (for encoding cases), and {@code {{N*text}}} repeats text N
 * times (long and deep statements).
 */
public record CorpusCase(String file, String id, Expected expected, byte[] input) {
  private static final Pattern REPEAT = Pattern.compile("\\{\\{(\\d+)\\*(.*?)}}");

  /** What the gateway must do with the case. */
  public record Expected(String rejectedBy, OptionalLong limit, OptionalLong rows) {
    public boolean accepted() {
      return rejectedBy == null;
    }

    static Expected parse(String text) {
      String[] words = text.trim().split("\\s+");
      if (words[0].equals("reject") && words.length == 2) {
        return new Expected(words[1], OptionalLong.empty(), OptionalLong.empty());
      }
      if (!words[0].equals("accept")) {
        throw new IllegalArgumentException("expected 'reject RULE' or 'accept [limit=N] [rows=K]', not '" + text + "'");
      }
      OptionalLong limit = OptionalLong.empty();
      OptionalLong rows = OptionalLong.empty();
      for (int i = 1; i < words.length; i++) {
        String[] kv = words[i].split("=", 2);
        switch (kv[0]) {
          case "limit" -> limit = OptionalLong.of(Long.parseLong(kv[1]));
          case "rows" -> rows = OptionalLong.of(Long.parseLong(kv[1]));
          default -> throw new IllegalArgumentException("unknown expectation '" + words[i] + "'");
        }
      }
      return new Expected(null, limit, rows);
    }

    @Override
    public String toString() {
      return accepted() ? "accept" + (limit.isPresent() ? " limit=" + limit.getAsLong() : "")
          + (rows.isPresent() ? " rows=" + rows.getAsLong() : "") : "reject " + rejectedBy;
    }
  }

  public CorpusCase {
    requireNonNull(file, "file");
    requireNonNull(id, "id");
    requireNonNull(expected, "expected");
    requireNonNull(input, "input");
  }

  /** The input as text (UTF-8; only encoding cases hold bytes that are not). */
  public String sql() {
    return new String(input, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return file + ":" + id + " (" + expected + ")";
  }

  /** Every case of one corpus file on the test class path. */
  static List<CorpusCase> load(String file) {
    URL url = CorpusCase.class.getResource("/corpus/" + file);
    if (url == null) {
      throw new IllegalStateException("corpus/" + file + " is not on the test class path");
    }
    try {
      return parse(file, Files.readAllLines(Path.of(url.toURI()), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The names of the corpus files. */
  static List<String> files() {
    URL url = CorpusCase.class.getResource("/corpus");
    try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
      return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".tsv")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Parses one corpus file's lines; the e2e suite reads the same files through this (a test-jar). */
  public static List<CorpusCase> parse(String file, List<String> lines) {
    List<CorpusCase> cases = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n);
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", 3);
      if (fields.length != 3) {
        throw new IllegalArgumentException(file + ":" + (n + 1) + ": expected 'id TAB expected TAB input'");
      }
      cases.add(new CorpusCase(file, fields[0], Expected.parse(fields[1]), unescape(expand(fields[2]))));
    }
    return cases;
  }

  private static String expand(String text) {
    Matcher m = REPEAT.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static byte[] unescape(String text) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder chars = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c != '\\' || i + 1 >= text.length()) {
        chars.append(c);
        continue;
      }
      char e = text.charAt(++i);
      switch (e) {
        case 'n' -> chars.append('\n');
        case 'r' -> chars.append('\r');
        case 't' -> chars.append('\t');
        case '\\' -> chars.append('\\');
        case 'u' -> {
          chars.append((char) Integer.parseInt(text.substring(i + 1, i + 5), 16));
          i += 4;
        }
        case 'x' -> {
          out.writeBytes(chars.toString().getBytes(StandardCharsets.UTF_8));
          chars.setLength(0);
          out.write(Integer.parseInt(text.substring(i + 1, i + 3), 16));
          i += 2;
        }
        default -> chars.append('\\').append(e);
      }
    }
    out.writeBytes(chars.toString().getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }
}
