package io.lakegate.server;

/**
 * The options of {@code lakegate serve}: command-line name, environment variable, default and
 * help text in one place, so that the parser and {@code --help} cannot drift apart.
 */
enum ServeOption {
  MODEL("--model", "LAKEGATE_MODEL", "PATH", "model.json",
      "the model to serve (tables and lake root); a relative path is taken from the working directory"),
  HOST("--host", "LAKEGATE_HOST", "ADDRESS", ServerConfig.DEFAULT_HOST,
      "address to listen on; 127.0.0.1 because there is no authentication yet: use 0.0.0.0 to serve"
          + " other hosts (containers, a trusted network)"),
  PORT("--port", "LAKEGATE_PORT", "N", Integer.toString(ServerConfig.DEFAULT_PORT),
      "port for Avatica JSON and Protobuf, GET /health and GET /metrics; 0 picks a free port"),
  GENERATE_SAMPLE_LAKE("--generate-sample-lake", "LAKEGATE_GENERATE_SAMPLE_LAKE", null, "false",
      "when the lake root is missing or empty, first write the 1M-row sample lake there"
          + " (environment: true or false)"),
  /** A switch that turns the warm-up off: its environment variable says whether to warm up. */
  WARMUP("--no-warmup", "LAKEGATE_WARMUP", null, "true",
      "skip the warm-up queries run before the gateway reports ready (they save the first query a few"
          + " seconds of Calcite start-up); environment: true or false"),
  PLAN_CACHE_SIZE("--plan-cache-size", "LAKEGATE_PLAN_CACHE_SIZE", "N", Integer.toString(PlanCache.DEFAULT_SIZE),
      "prepared plans kept for statements sent again with the same text, shared by all connections"
          + " (a repeated statement then skips parsing, planning and code generation); 0 turns the cache off");

  final String flag;
  final String envVar;
  /** Name of the value in help, or null for a switch that takes no value. */
  final String valueName;
  final String defaultText;
  final String help;

  ServeOption(String flag, String envVar, String valueName, String defaultText, String help) {
    this.flag = flag;
    this.envVar = envVar;
    this.valueName = valueName;
    this.defaultText = defaultText;
    this.help = help;
  }

  boolean takesValue() {
    return valueName != null;
  }

  /** Whether the command-line switch sets the option to false ({@code --no-warmup}) rather than true. */
  boolean negates() {
    return flag.startsWith("--no-");
  }

  static ServeOption byFlag(String flag) {
    for (ServeOption option : values()) {
      if (option.flag.equals(flag)) {
        return option;
      }
    }
    return null;
  }
}
