package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

/**
 * The one place where the engine turns HTTP input into SQL text: ClickHouse identifier and string
 * literal quoting, for the {@code USE} and {@code SET} statements that stand in for the HTTP
 * interface's {@code database} and settings parameters.
 */
final class SqlLiterals {

    private SqlLiterals() {
    }

    /** A back-quoted identifier; backslash and back quote are escaped with a backslash. */
    static String identifier(String name) {
        return quote(requireNonNull(name, "name"), '`');
    }

    /** A single-quoted string literal; backslash and quote are escaped with a backslash. */
    static String string(String value) {
        return quote(requireNonNull(value, "value"), '\'');
    }

    private static String quote(String text, char quote) {
        StringBuilder out = new StringBuilder(text.length() + 2).append(quote);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == quote) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append(quote).toString();
    }
}
