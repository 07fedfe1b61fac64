package io.lakegate.catalog;

import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves {@code ${NAME}} and {@code ${NAME:-default}} in model values, so that secrets and
 * deployment paths come from the environment and never live in the file.
 */
final class EnvSubstitution {
  private static final Pattern REF = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

  private final Function<String, String> env;

  EnvSubstitution(Function<String, String> env) {
    this.env = env;
  }

  static EnvSubstitution system() {
    Map<String, String> env = System.getenv();
    return new EnvSubstitution(env::get);
  }

  /** Returns {@code value} with every reference replaced; {@code path} names the key in errors. */
  String resolve(String value, String path) {
    Matcher m = REF.matcher(value);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String name = m.group(1);
      String found = env.apply(name);
      if (found == null || found.isEmpty()) {
        found = m.group(2);
      }
      if (found == null) {
        throw new ModelException("model.json: " + path + ": environment variable " + name
            + " is not set; set it or give a default as ${" + name + ":-value}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(found));
    }
    m.appendTail(out);
    return out.toString();
  }
}
