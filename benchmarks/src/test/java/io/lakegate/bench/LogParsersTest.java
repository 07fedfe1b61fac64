package io.lakegate.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The lines the harness reads from the gateway's own output, in the formats the gateway writes them. */
class LogParsersTest {
  @Test void readsTheGatewaysQueryLogLine() {
    String line = "2026-11-21T16:51:06.546Z INFO  lakegate.query - query id=335e481f-3ff6 user=anonymous"
        + " backend=lake rows=5 ms=593 files=12 rowGroups=14/30 outcome=ok limit=100 limit_action=added"
        + " timeout_ms=60000 sql=\"select network, count(*) from quote_outcomes\"";
    QueryLogLine parsed = QueryLogLine.parse(line).orElseThrow();
    assertEquals(new QueryLogLine("lake", 5, 593, 12, 14, 30, "ok"), parsed);
    assertTrue(QueryLogLine.parse("2026-11-21T16:49:39Z INFO  GatewayServer - lakegate started").isEmpty());
  }

  @Test void readsG1PausesWithTheirTimeAndHeap() {
    List<String> lines = List.of(
        "[2026-11-21T16:49:33.698+0000] Using G1",
        "[2026-11-21T16:49:34.641+0000] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->12M(380M) 12.748ms",
        "[2026-11-21T16:49:40.000+0000] GC(5) Pause Full (G1 Compaction Pause) 900M->300M(1024M) 250.5ms",
        "[2026-11-21T16:49:41.000+0000] GC(6) Concurrent Mark Cycle 12.0ms");
    List<GcLog.Pause> pauses = lines.stream().flatMap(l -> GcLog.parse(l).stream()).toList();
    assertEquals(2, pauses.size());
    assertEquals(new GcLog.Pause(Instant.parse("2026-11-21T16:49:34.641Z"), "Young", 24, 12, 380, 12.748),
        pauses.get(0));
    GcLog.Summary all = GcLog.summarize(pauses, Instant.parse("2026-11-21T16:49:00Z"),
        Instant.parse("2026-11-21T16:50:00Z"));
    assertEquals(new GcLog.Summary(2, 1, 263.248, 250.5, 900, 300, 1024), all);
    assertEquals(GcLog.Summary.NONE, GcLog.summarize(pauses, Instant.parse("2026-11-21T17:00:00Z"),
        Instant.parse("2026-11-21T17:01:00Z")));
  }

  @Test void readsProcValues() {
    assertEquals(123456, ProcSample.number("123456 kB"));
    assertEquals(-1, ProcSample.number(null));
    assertEquals(-1, ProcSample.number("n/a"));
    ProcSample self = ProcSample.of(ProcessHandle.current().pid());
    assertTrue(self.threads() > 0, "this JVM has threads: " + self);
  }
}
