package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything the engine process needs, written by {@link ClickHouseTestEngine} as a JSON file
 * (readable by the owner only, since it holds passwords) and read by {@link ChdbHttpServer}.
 *
 * @param libchdb       path of {@code libchdb.so}
 * @param dataDirectory ClickHouse's {@code --path}; must be fresh or owned by this engine
 * @param statementLog  JSON-lines file every received statement is appended to
 * @param readyFile     written with the bound port once the engine serves requests
 * @param port          port to bind on 127.0.0.1; 0 for any free port
 * @param users         accepted users
 * @param startupSql    SQL files run, in order, before serving (each file may hold several statements)
 * @param threads       HTTP worker threads, i.e. the most requests in flight, each on its own chDB session
 */
record EngineConfig(String libchdb, String dataDirectory, String statementLog, String readyFile, int port,
        List<EngineUser> users, List<String> startupSql, int threads) {

    private static final ObjectMapper JSON = new ObjectMapper();

    EngineConfig {
        requireNonNull(libchdb, "libchdb");
        requireNonNull(dataDirectory, "dataDirectory");
        requireNonNull(statementLog, "statementLog");
        requireNonNull(readyFile, "readyFile");
        users = List.copyOf(requireNonNull(users, "users"));
        startupSql = List.copyOf(requireNonNull(startupSql, "startupSql"));
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1: " + threads);
        }
        if (users.isEmpty()) {
            throw new IllegalArgumentException("at least one user is needed");
        }
    }

    static EngineConfig read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), EngineConfig.class);
    }

    void write(Path file) throws IOException {
        JSON.writeValue(file.toFile(), this);
    }

    /** Never shows passwords (the users' {@code toString} hides them). */
    @Override
    public String toString() {
        return "EngineConfig[libchdb=" + libchdb + ", dataDirectory=" + dataDirectory + ", port=" + port
                + ", users=" + users + ", startupSql=" + startupSql + ", threads=" + threads + "]";
    }
}
