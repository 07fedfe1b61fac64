package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ClickHouse exception: its numeric code and its text as ClickHouse formats it
 * ({@code Code: 60. DB::Exception: ... (UNKNOWN_TABLE)}).
 *
 * <p>Errors that chDB returns keep ClickHouse's text unchanged. The few errors the HTTP layer raises
 * itself (authentication, unsupported HTTP parameters) are formatted the way ClickHouse formats them.
 *
 * @param code ClickHouse's error code
 * @param text the full exception text, starting with {@code Code: <code>.}
 */
record ClickHouseError(int code, String text) {

    static final int SYNTAX_ERROR = 62;
    static final int CHECKSUM_DOESNT_MATCH = 40;
    static final int NOT_IMPLEMENTED = 48;
    static final int UNKNOWN_COMPRESSION_METHOD = 89;
    static final int AUTHENTICATION_FAILED = 516;
    static final int CANNOT_DECOMPRESS = 271;
    static final int UNKNOWN_EXCEPTION = 1002;

    private static final Pattern CODE = Pattern.compile("^\\s*Code:\\s*(\\d+)\\.");

    ClickHouseError {
        requireNonNull(text, "text");
    }

    /** Reads the code from ClickHouse's exception text; text without one gets UNKNOWN_EXCEPTION (1002). */
    static ClickHouseError fromText(String text) {
        requireNonNull(text, "text");
        Matcher matcher = CODE.matcher(text);
        return new ClickHouseError(matcher.find() ? Integer.parseInt(matcher.group(1)) : UNKNOWN_EXCEPTION, text.strip());
    }

    /** Formats an error raised by the HTTP layer exactly as ClickHouse formats its own exceptions. */
    static ClickHouseError of(int code, String name, String message) {
        return new ClickHouseError(code, "Code: " + code + ". DB::Exception: " + message + ". (" + name + ")");
    }

    /** The body of an HTTP error response: a real server appends its version and a newline. */
    String httpBody(String serverVersion) {
        return text + " (version " + serverVersion + ")\n";
    }
}
