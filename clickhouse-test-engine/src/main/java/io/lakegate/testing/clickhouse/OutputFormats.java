package io.lakegate.testing.clickhouse;

import java.util.Locale;

/** The {@code Content-Type} a real server sends for an output format (approximated by format family). */
final class OutputFormats {

    private OutputFormats() {
    }

    static String contentType(String format) {
        String name = format.toLowerCase(Locale.ROOT);
        if (name.startsWith("rowbinary") || name.startsWith("native") || name.startsWith("parquet")
                || name.startsWith("arrow") || name.startsWith("orc") || name.startsWith("avro")
                || name.startsWith("protobuf") || name.startsWith("msgpack") || name.startsWith("capnproto")
                || name.startsWith("bson")) {
            return "application/octet-stream";
        }
        if (name.startsWith("tabseparated") || name.startsWith("tsv")) {
            return "text/tab-separated-values; charset=UTF-8";
        }
        if (name.startsWith("csv")) {
            return "text/csv; charset=UTF-8; header=" + (name.contains("withnames") ? "present" : "absent");
        }
        if (name.startsWith("json")) {
            return "application/json; charset=UTF-8";
        }
        return "text/plain; charset=UTF-8";
    }
}
