package io.lakegate.e2e;

import io.lakegate.guardrails.CorpusCase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * The guardrails' adversarial corpus, read from the guardrails module's test resources
 * ({@code guardrails/src/test/resources/corpus/*.tsv}, whose header comments define the format): one
 * case per line, {@code id TAB expected TAB input}, expected being {@code reject RULE} or
 * {@code accept [limit=N] [rows=K]}. The guardrails module runs the same files against its rules
 * alone; this suite runs them, parsed by that module's reader, against a whole gateway.
 */
final class GuardrailCorpus {
  private static final Path DIR = Path.of(System.getProperty("lakegate.guardrails.corpus",
      "../guardrails/src/test/resources/corpus"));

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

  /** Every case of the named file, parsed by the guardrails module's own corpus reader. */
  static List<Case> load(String file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(DIR.resolve(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("the guardrail corpus is not at " + DIR.toAbsolutePath(), e);
    }
    return CorpusCase.parse(file, lines).stream()
        .map(c -> new Case(c.file(), c.id(), c.expected().rejectedBy(), c.expected().limit(), c.expected().rows(),
            c.input()))
        .toList();
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
}
