package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class MarkdownTableTest {
  @Test void rendersHeaderAlignmentAndRows() {
    String table = MarkdownTable.of("query", ">p50", ">ratio")
        .row("day_network_summary", "12.5", "1.10×")
        .row("win_rate", null, "–")
        .render();
    assertEquals("| query | p50 | ratio |\n"
        + "| --- | ---: | ---: |\n"
        + "| day_network_summary | 12.5 | 1.10× |\n"
        + "| win_rate |  | – |\n", table);
  }

  @Test void aPipeOrALineBreakInACellCannotBreakTheTable() {
    String table = MarkdownTable.of("error").row("a | b\nc").render();
    assertEquals("| error |\n| --- |\n| a \\| b c |\n", table);
  }

  @Test void aRowMustHaveOneCellPerColumn() {
    assertThrows(IllegalArgumentException.class, () -> MarkdownTable.of("a", "b").row("only one"));
  }
}
