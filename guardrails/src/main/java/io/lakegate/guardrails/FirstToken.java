package io.lakegate.guardrails;

import java.io.StringReader;
import java.util.Locale;
import java.util.Optional;

import org.apache.calcite.sql.parser.impl.SimpleCharStream;
import org.apache.calcite.sql.parser.impl.SqlParserImplTokenManager;
import org.apache.calcite.sql.parser.impl.Token;
import org.apache.calcite.sql.parser.impl.TokenMgrError;

/**
 * The first word of a statement as Calcite's own lexer reads it (comments and blanks skipped, any
 * letter case). Used only to explain why a statement that did not parse was rejected: it never
 * decides whether a statement is accepted.
 */
final class FirstToken {
  private FirstToken() {
  }

  /** The first token, upper-cased; empty when the text has none or the lexer cannot read it. */
  static Optional<String> of(String sql) {
    try {
      Token token = new SqlParserImplTokenManager(new SimpleCharStream(new StringReader(sql))).getNextToken();
      if (token == null || token.image == null || token.image.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(token.image.toUpperCase(Locale.ROOT));
    } catch (TokenMgrError e) {
      // Not even one token can be read (a stray character): nothing to explain beyond the parse error.
      return Optional.empty();
    }
  }
}
