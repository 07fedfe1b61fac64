package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class ServerConfigTest {

  @Test
  void defaultsArePinned() {
    ServerConfig config = ServerConfig.defaults();
    assertEquals(new ServerConfig(Path.of("model.json").toAbsolutePath(), "127.0.0.1", 8765, false, true), config);
    assertEquals(1000, config.planCacheSize());
  }

  @Test
  void everyOptionOnTheCommandLine() {
    ServerConfig config = ServerConfig.parse(
        List.of("--model", "/srv/lakegate/model.json", "--host", "0.0.0.0", "--port", "9000", "--generate-sample-lake",
            "--no-warmup", "--plan-cache-size", "0"),
        Map.of());
    assertEquals(new ServerConfig(Path.of("/srv/lakegate/model.json"), "0.0.0.0", 9000, true, false, 0), config);
  }

  @Test
  void everyOptionFromTheEnvironment() {
    ServerConfig config = ServerConfig.parse(List.of(), Map.of(
        "LAKEGATE_MODEL", "/srv/m.json",
        "LAKEGATE_HOST", "0.0.0.0",
        "LAKEGATE_PORT", "9001",
        "LAKEGATE_GENERATE_SAMPLE_LAKE", "true",
        "LAKEGATE_WARMUP", "false",
        "LAKEGATE_PLAN_CACHE_SIZE", "50"));
    assertEquals(new ServerConfig(Path.of("/srv/m.json"), "0.0.0.0", 9001, true, false, 50), config);
  }

  @Test
  void commandLineWinsOverEnvironmentAndLastRepeatWins() {
    ServerConfig config = ServerConfig.parse(
        List.of("--port", "9002", "--model=/a.json", "--model", "/b.json"),
        Map.of("LAKEGATE_PORT", "9001", "LAKEGATE_MODEL", "/env.json", "LAKEGATE_GENERATE_SAMPLE_LAKE", "no"));
    assertEquals(new ServerConfig(Path.of("/b.json"), "127.0.0.1", 9002, false, true), config);
  }

  @Test
  void noWarmupOnTheCommandLineWinsOverTheEnvironment() {
    assertFalse(ServerConfig.parse(List.of("--no-warmup"), Map.of("LAKEGATE_WARMUP", "true")).warmup());
    assertTrue(ServerConfig.parse(List.of(), Map.of("LAKEGATE_WARMUP", "yes")).warmup());
    // The four-argument constructor (used by callers that predate the option) keeps the warm-up on.
    assertTrue(new ServerConfig(Path.of("/m.json"), "127.0.0.1", 0, false).warmup());
  }

  @Test
  void relativeModelIsResolvedAgainstTheWorkingDirectory() {
    ServerConfig config = ServerConfig.parse(List.of("--model", "conf/../model.json"), Map.of());
    assertEquals(Path.of("model.json").toAbsolutePath(), config.model());
  }

  @Test
  void portZeroMeansAnyFreePort() {
    assertEquals(0, ServerConfig.parse(List.of("--port", "0"), Map.of()).port());
  }

  @Test
  void badValuesNameTheOptionAndWhatIsAccepted() {
    assertEquals("--port / LAKEGATE_PORT: '80x' is not a port number; use 0-65535 (0 picks a free port)",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of("--port", "80x"), Map.of())).getMessage());
    assertEquals("--port / LAKEGATE_PORT: '70000' is not a port number; use 0-65535 (0 picks a free port)",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of(), Map.of("LAKEGATE_PORT", "70000")))
            .getMessage());
    assertEquals("--model needs a value: --model PATH",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of("--model"), Map.of())).getMessage());
    assertEquals("--generate-sample-lake / LAKEGATE_GENERATE_SAMPLE_LAKE: 'maybe' is not true or false",
        assertThrows(UsageException.class,
            () -> ServerConfig.parse(List.of(), Map.of("LAKEGATE_GENERATE_SAMPLE_LAKE", "maybe"))).getMessage());
    assertEquals("LAKEGATE_WARMUP: 'maybe' is not true or false",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of(), Map.of("LAKEGATE_WARMUP", "maybe")))
            .getMessage());
    assertEquals("--no-warmup takes no value; to choose, set LAKEGATE_WARMUP to true or false",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of("--no-warmup=true"), Map.of()))
            .getMessage());
    assertEquals("--plan-cache-size / LAKEGATE_PLAN_CACHE_SIZE: '-1' is not a number of plans; use 0 (no cache)"
            + " or more",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of("--plan-cache-size=-1"), Map.of()))
            .getMessage());
    assertEquals("unknown option '--prot'; options: --model, --host, --port, --generate-sample-lake, --no-warmup,"
            + " --plan-cache-size (see lakegate --help)",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of("--prot", "1"), Map.of())).getMessage());
    assertEquals("unexpected argument 'extra'; options: --model, --host, --port, --generate-sample-lake,"
            + " --no-warmup, --plan-cache-size (see lakegate --help)",
        assertThrows(UsageException.class, () -> ServerConfig.parse(List.of("extra"), Map.of())).getMessage());
  }

  @Test
  void wrongCommandLineIsOneLineOnStderrAndExitCodeTwo() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LakegateMain.run(new String[] {"serve", "--port", "nope"}, print(out), print(err));
    assertEquals(LakegateMain.EXIT_USAGE, code);
    String message = err.toString(StandardCharsets.UTF_8);
    assertEquals("lakegate: --port / LAKEGATE_PORT: 'nope' is not a port number; use 0-65535 (0 picks a free port)\n",
        message);
    assertEquals("", out.toString(StandardCharsets.UTF_8));

    err.reset();
    assertEquals(LakegateMain.EXIT_USAGE, LakegateMain.run(new String[] {"srve"}, print(out), print(err)));
    assertEquals("lakegate: unknown command 'srve'; commands: serve, generate (see lakegate --help)\n",
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void helpDocumentsEveryOptionWithItsVariableAndDefault() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    assertEquals(LakegateMain.EXIT_OK, LakegateMain.run(new String[] {"--help"}, print(out), print(out)));
    String help = out.toString(StandardCharsets.UTF_8);
    for (ServeOption option : ServeOption.values()) {
      assertTrue(help.contains(option.flag), option.flag);
      assertTrue(help.contains("env " + option.envVar + ", default " + option.defaultText), option.envVar);
    }
    assertTrue(help.contains("lakegate generate"));
    assertFalse(help.contains("Exception"));
  }

  @Test
  void commandsAreRecognised() {
    assertEquals(LakegateMain.Command.SERVE, LakegateMain.Command.of(List.of()));
    assertEquals(LakegateMain.Command.SERVE, LakegateMain.Command.of(List.of("--port", "1")));
    assertEquals(LakegateMain.Command.SERVE, LakegateMain.Command.of(List.of("serve")));
    assertEquals(LakegateMain.Command.GENERATE, LakegateMain.Command.of(List.of("generate", "--out", "x")));
    assertEquals(LakegateMain.Command.HELP, LakegateMain.Command.of(List.of("--help")));
    assertEquals(LakegateMain.Command.VERSION, LakegateMain.Command.of(List.of("--version")));
    assertEquals(LakegateMain.Command.UNKNOWN, LakegateMain.Command.of(List.of("srve")));
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    return new PrintStream(bytes, true, StandardCharsets.UTF_8);
  }
}
