package io.lakegate.server;

import static java.util.Objects.requireNonNull;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The immutable configuration of {@code lakegate serve}, parsed once from the command line and
 * the environment (a command-line option wins over its environment variable, which wins over the
 * default; a repeated option keeps its last value so wrapper scripts can pass defaults first).
 *
 * @param model absolute path of model.json
 * @param host address the HTTP connector binds to
 * @param port TCP port, 0 for any free port
 * @param generateSampleLake whether to write the sample lake first when the lake root is empty
 * @param warmup whether to run the warm-up queries before reporting ready
 * @param planCacheSize how many prepared plans the connections share ({@link PlanCache}); 0 for none
 */
public record ServerConfig(Path model, String host, int port, boolean generateSampleLake, boolean warmup,
    int planCacheSize) {
  public static final String DEFAULT_HOST = "127.0.0.1";
  public static final int DEFAULT_PORT = 8765;

  public ServerConfig {
    requireNonNull(model, "model");
    requireNonNull(host, "host");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port " + port + " is outside 0-65535");
    }
    if (planCacheSize < 0) {
      throw new IllegalArgumentException("plan cache size " + planCacheSize + " is negative");
    }
  }

  /** A configuration with the default plan cache. */
  public ServerConfig(Path model, String host, int port, boolean generateSampleLake, boolean warmup) {
    this(model, host, port, generateSampleLake, warmup, PlanCache.DEFAULT_SIZE);
  }

  /** A configuration with the warm-up on, as {@code lakegate serve} runs by default. */
  public ServerConfig(Path model, String host, int port, boolean generateSampleLake) {
    this(model, host, port, generateSampleLake, true);
  }

  /** The configuration with no options and no environment: ./model.json on 127.0.0.1:8765, warm-up on. */
  public static ServerConfig defaults() {
    return parse(List.of(), Map.of());
  }

  /**
   * Parses {@code serve}'s arguments (without the word {@code serve}) and the environment.
   *
   * @throws UsageException naming the wrong option or variable and what it accepts
   */
  public static ServerConfig parse(List<String> args, Map<String, String> env) {
    requireNonNull(args, "args");
    requireNonNull(env, "env");
    Map<ServeOption, String> values = new EnumMap<>(ServeOption.class);
    for (ServeOption option : ServeOption.values()) {
      String fromEnv = env.get(option.envVar);
      if (fromEnv != null && !fromEnv.isBlank()) {
        values.put(option, fromEnv.trim());
      }
    }
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      String flag = arg;
      String inline = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        flag = arg.substring(0, eq);
        inline = arg.substring(eq + 1);
      }
      ServeOption option = ServeOption.byFlag(flag);
      if (option == null) {
        throw new UsageException((arg.startsWith("-") ? "unknown option '" : "unexpected argument '") + arg
            + "'; options: " + Stream.of(ServeOption.values()).map(o -> o.flag).collect(Collectors.joining(", "))
            + " (see lakegate --help)");
      }
      if (option.negates()) {
        if (inline != null) {
          throw new UsageException(option.flag + " takes no value; to choose, set " + option.envVar
              + " to true or false");
        }
        values.put(option, "false");
      } else if (!option.takesValue()) {
        values.put(option, inline == null ? "true" : inline);
      } else if (inline != null) {
        values.put(option, inline);
      } else if (i + 1 < args.size()) {
        values.put(option, args.get(++i));
      } else {
        throw new UsageException(option.flag + " needs a value: " + option.flag + " " + option.valueName);
      }
    }
    return new ServerConfig(
        parseModel(values.getOrDefault(ServeOption.MODEL, ServeOption.MODEL.defaultText)),
        parseHost(values.getOrDefault(ServeOption.HOST, DEFAULT_HOST)),
        parsePort(values.get(ServeOption.PORT)),
        parseBoolean(ServeOption.GENERATE_SAMPLE_LAKE, values.get(ServeOption.GENERATE_SAMPLE_LAKE)),
        parseBoolean(ServeOption.WARMUP, values.get(ServeOption.WARMUP)),
        parsePlanCacheSize(values.get(ServeOption.PLAN_CACHE_SIZE)));
  }

  /** The help text of {@code serve}'s options, generated from {@link ServeOption}. */
  static String optionsHelp() {
    StringBuilder out = new StringBuilder();
    for (ServeOption option : ServeOption.values()) {
      String left = option.takesValue() ? option.flag + " " + option.valueName : option.flag;
      out.append(String.format(Locale.ROOT, "  %-24s %s%n", left, option.help));
      out.append(String.format(Locale.ROOT, "  %-24s [env %s, default %s]%n", "", option.envVar, option.defaultText));
    }
    return out.toString();
  }

  private static Path parseModel(String text) {
    try {
      return Path.of(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw new UsageException(ServeOption.MODEL.flag + ": '" + text + "' is not a valid path: " + e.getReason());
    }
  }

  private static String parseHost(String text) {
    if (text.isBlank() || text.chars().anyMatch(Character::isWhitespace)) {
      throw new UsageException(ServeOption.HOST.flag + ": '" + text + "' is not an address; use e.g. 127.0.0.1 or 0.0.0.0");
    }
    return text;
  }

  private static int parsePort(String text) {
    return parseInt(ServeOption.PORT, text, DEFAULT_PORT, 0, 65535,
        "is not a port number; use 0-65535 (0 picks a free port)");
  }

  private static int parsePlanCacheSize(String text) {
    return parseInt(ServeOption.PLAN_CACHE_SIZE, text, PlanCache.DEFAULT_SIZE, 0, Integer.MAX_VALUE,
        "is not a number of plans; use 0 (no cache) or more");
  }

  /**
   * {@code option}'s whole-number value, {@code fallback} when it is not set.
   *
   * @param problem what the error says after the value when it is not a number in [min, max]
   */
  private static int parseInt(ServeOption option, String text, int fallback, int min, int max, String problem) {
    if (text == null) {
      return fallback;
    }
    try {
      int value = Integer.parseInt(text);
      if (value >= min && value <= max) {
        return value;
      }
    } catch (NumberFormatException e) {
      // not a number: reported below with what is accepted
    }
    throw new UsageException(option.flag + " / " + option.envVar + ": '" + text + "' " + problem);
  }

  private static boolean parseBoolean(ServeOption option, String text) {
    if (text == null) {
      return Boolean.parseBoolean(option.defaultText);
    }
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true":
      case "yes":
      case "1":
        return true;
      case "false":
      case "no":
      case "0":
        return false;
      default:
        // A negating switch takes no value, so only its environment variable can be wrong.
        String source = option.negates() ? option.envVar : option.flag + " / " + option.envVar;
        throw new UsageException(source + ": '" + text + "' is not true or false");
    }
  }
}
