package io.lakegate.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The guardrails' adversarial corpus, read from the guardrails module's test resources
 * ({@code guardrails/src/test/resources/corpus/*.tsv}, whose header comments define the format): one
 * case per line, {@code id TAB expected TAB input}, expected being {@code reject RULE} or
 * {@code accept [limit=N] [rows=K]}. The guardrails module runs the same files against its rules
 * alone; this copy of the reader runs them against a whole gateway.
 */
final class GuardrailCorpus {
  private static final Path DIR = Path.of(System.getProperty("lakegate.guardrails.corpus",
      "../guardrails/src/test/resources/corpus"));
  private static final Pattern REPEAT = Pattern.compile("\\{\\{(\\d+)\\*(.*?)}}");

  private GuardrailCorpus() {
  }

  /**
   * One case.
   *
   * @param rejectedBy the rule (or SYNTAX / VALIDATION) that must reject it; null when it must be accepted
   * @param limit the effective row limit of an accepted query
   * @param rows the exact row count of an accepted query, when the case states it
   * @param input the statement (or property list) as bytes: encoding cases hold bytes that are not UTF-8
   */
  record Case(String file, String id, String rejectedBy, OptionalLong limit, OptionalLong rows, byte[] input) {
    boolean accepted() {
      return rejectedBy == null;
    }

    String text() {
      return new String(input, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return file + ":" + id;
    }
  }

  /** Every case of the named file. */
  static List<Case> load(String file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the guardrail corpus is not at " + DIR.toAbsolutePath(), e);
    }
    List<Case> cases = new ArrayList<>();
    for (String line : lines) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] fields = line.split("\t", 3);
      String[] expected = fields[1].trim().split("\\s+");
      String rejectedBy = expected[0].equals("reject") ? expected[1] : null;
      OptionalLong limit = OptionalLong.empty();
      OptionalLong rows = OptionalLong.empty();
      for (int i = 1; rejectedBy == null && i < expected.length; i++) {
        String[] kv = expected[i].split("=", 2);
        if (kv[0].equals("limit")) {
          limit = OptionalLong.of(Long.parseLong(kv[1]));
        } else if (kv[0].equals("rows")) {
          rows = OptionalLong.of(Long.parseLong(kv[1]));
        }
      }
      cases.add(new Case(file, fields[0], rejectedBy, limit, rows, unescape(expand(fields[2]))));
    }
    return cases;
  }

  /** Every case of every statement file (not the connection-property and encoding files). */
  static Stream<Case> statements() {
    try (Stream<Path> files = Files.list(DIR)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".tsv") && !n.equals("connection-properties.tsv") && !n.equals("encoding.tsv"))
          .sorted().toList().stream().flatMap(f -> load(f).stream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code name=value;name=value} as a property map (the input of connection-properties.tsv). */
  static Map<String, String> properties(Case c) {
    Map<String, String> properties = new LinkedHashMap<>();
    for (String pair : c.text().split(";")) {
      if (!pair.isEmpty()) {
        String[] kv = pair.split("=", 2);
        properties.put(kv[0], kv.length > 1 ? kv[1] : "");
      }
    }
    return properties;
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
