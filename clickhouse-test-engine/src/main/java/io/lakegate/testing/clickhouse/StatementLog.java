package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The statement log: one JSON line per statement received, appended and flushed before the response
 * is sent, so a test that got its answer can already read the statement. The file survives restarts
 * of the engine; sequence numbers continue where the file ends.
 */
final class StatementLog implements Closeable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final BufferedWriter writer;
    private long nextSeq;

    StatementLog(Path file) throws IOException {
        this.file = requireNonNull(file, "file");
        this.nextSeq = Files.exists(file) ? countLines(file) + 1 : 1;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Appends the record with the next sequence number and returns it as stored. */
    synchronized StatementRecord append(StatementRecord record) {
        StatementRecord stored = record.withSeq(nextSeq++);
        try {
            writer.write(JSON.writeValueAsString(stored));
            writer.newLine();
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the statement log " + file, e);
        }
        return stored;
    }

    /** The raw JSON lines with a sequence number greater than {@code afterSeq}. */
    synchronized List<String> linesAfter(long afterSeq) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int from = (int) Math.max(0, Math.min(lines.size(), afterSeq));
        return new ArrayList<>(lines.subList(from, lines.size()));
    }

    /** Parses a log file written by an engine, for the test side. */
    static List<StatementRecord> read(Path file) throws IOException {
        List<StatementRecord> records = new ArrayList<>();
        if (!Files.exists(file)) {
            return records;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                records.add(JSON.readValue(line, StatementRecord.class));
            }
        }
        return records;
    }

    private static long countLines(Path file) throws IOException {
        try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    @Override
    public synchronized void close() throws IOException {
        writer.close();
    }
}
