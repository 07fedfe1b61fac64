package io.lakegate.testing.clickhouse;

import java.util.Map;
import java.util.Set;

/**
 * ClickHouse's mapping from exception code to HTTP status ({@code exceptionCodeToHTTPStatus}, as of
 * ClickHouse 26.5), so that the test engine answers an error with the status a real server uses.
 */
final class HttpStatuses {

    private static final Set<Integer> UNAUTHORIZED = Set.of(194 /* REQUIRED_PASSWORD */);

    private static final Set<Integer> FORBIDDEN = Set.of(
            192 /* UNKNOWN_USER */, 193 /* WRONG_PASSWORD */, 516 /* AUTHENTICATION_FAILED */,
            512 /* SET_NON_GRANTED_ROLE */, 497 /* ACCESS_DENIED */);

    private static final Set<Integer> BAD_REQUEST = Set.of(
            36 /* BAD_ARGUMENTS */, 427 /* CANNOT_COMPILE_REGEXP */, 6 /* CANNOT_PARSE_TEXT */,
            25 /* CANNOT_PARSE_ESCAPE_SEQUENCE */, 26 /* CANNOT_PARSE_QUOTED_STRING */, 38 /* CANNOT_PARSE_DATE */,
            41 /* CANNOT_PARSE_DATETIME */, 72 /* CANNOT_PARSE_NUMBER */,
            441 /* CANNOT_PARSE_DOMAIN_VALUE_FROM_STRING */, 675 /* CANNOT_PARSE_IPV4 */, 676 /* CANNOT_PARSE_IPV6 */,
            27 /* CANNOT_PARSE_INPUT_ASSERTION_FAILED */, 376 /* CANNOT_PARSE_UUID */, 15 /* DUPLICATE_COLUMN */,
            44 /* ILLEGAL_COLUMN */, 37 /* UNKNOWN_ELEMENT_IN_AST */, 123 /* UNKNOWN_TYPE_OF_AST_NODE */,
            8 /* THERE_IS_NO_COLUMN */, 167 /* TOO_DEEP_AST */, 168 /* TOO_BIG_AST */,
            223 /* UNEXPECTED_AST_STRUCTURE */, 62 /* SYNTAX_ERROR */, 117 /* INCORRECT_DATA */,
            53 /* TYPE_MISMATCH */, 321 /* VALUE_IS_OUT_OF_RANGE_OF_DATA_TYPE */);

    private static final Set<Integer> NOT_FOUND = Set.of(
            60 /* UNKNOWN_TABLE */, 46 /* UNKNOWN_FUNCTION */, 47 /* UNKNOWN_IDENTIFIER */, 50 /* UNKNOWN_TYPE */,
            56 /* UNKNOWN_STORAGE */, 81 /* UNKNOWN_DATABASE */, 115 /* UNKNOWN_SETTING */,
            152 /* UNKNOWN_DIRECTION_OF_SORTING */, 63 /* UNKNOWN_AGGREGATE_FUNCTION */, 73 /* UNKNOWN_FORMAT */,
            336 /* UNKNOWN_DATABASE_ENGINE */, 78 /* UNKNOWN_TYPE_OF_QUERY */, 511 /* UNKNOWN_ROLE */);

    private static final Map<Integer, Integer> SINGLE = Map.of(
            229 /* QUERY_IS_TOO_LARGE */, 413,
            48 /* NOT_IMPLEMENTED */, 501,
            209 /* SOCKET_TIMEOUT */, 503,
            76 /* CANNOT_OPEN_FILE */, 503,
            381 /* HTTP_LENGTH_REQUIRED */, 411,
            159 /* TIMEOUT_EXCEEDED */, 408,
            439 /* CANNOT_SCHEDULE_TASK */, 503);

    private HttpStatuses() {
    }

    static int forErrorCode(int code) {
        if (UNAUTHORIZED.contains(code)) {
            return 401;
        }
        if (FORBIDDEN.contains(code)) {
            return 403;
        }
        if (BAD_REQUEST.contains(code)) {
            return 400;
        }
        if (NOT_FOUND.contains(code)) {
            return 404;
        }
        return SINGLE.getOrDefault(code, 500);
    }
}
