package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The parsed command line of {@link GenerateCommand}: immutable, validated once.
 *
 * @param out the lake directory ({@code --out}, required unless {@code help})
 * @param rows approximate total rows ({@code --rows})
 * @param seed the seed ({@code --seed})
 * @param write layout options ({@code --threads}, {@code --compression}, {@code --rows-per-file},
 *     {@code --row-group-rows}, {@code --force})
 * @param help whether {@code --help} was given
 */
record GenerateOptions(Path out, long rows, long seed, WriteOptions write, boolean help) {
  static final String USAGE = String.join(System.lineSeparator(),
      "usage: generate --out DIR [--rows N] [--seed S] [--threads N] [--force]",
      "                [--compression snappy|zstd|gzip|uncompressed] [--rows-per-file N] [--row-group-rows N]",
      "  --out DIR             lake directory to write (created if missing)",
      "  --rows N              approximate total rows over all tables (default " + SampleLake.DEFAULT_ROWS
          + "; accepts 10M, 1_000_000)",
      "  --seed S              random seed; the same seed and rows give the same rows (default "
          + SampleLake.DEFAULT_SEED + ")",
      "  --threads N           partitions written in parallel (default: number of processors)",
      "  --force               write even if DIR holds files that are not a lake (only the lake's own",
      "                        table directories and lake.json are replaced)",
      "  --compression C       parquet compression (default snappy)",
      "  --rows-per-file N     split partitions into files of at most N rows (default "
          + WriteOptions.DEFAULT_ROWS_PER_FILE + ")",
      "  --row-group-rows N    row groups of at most N rows (default " + WriteOptions.DEFAULT_ROWS_PER_ROW_GROUP
          + ")");

  private static final Set<String> WITH_VALUE = Set.of("--out", "--rows", "--seed", "--threads", "--compression",
      "--rows-per-file", "--row-group-rows");
  private static final Set<String> FLAGS = Set.of("--force", "--help", "-h");

  GenerateOptions {
    requireNonNull(write, "write");
  }

  /**
   * Parses {@code --name value} and {@code --name=value} arguments.
   *
   * @throws UsageException naming the first bad argument
   */
  static GenerateOptions parse(String... args) {
    Path out = null;
    long rows = SampleLake.DEFAULT_ROWS;
    long seed = SampleLake.DEFAULT_SEED;
    WriteOptions write = WriteOptions.defaults();
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      String arg = requireNonNull(args[i], "argument");
      String name = arg;
      String value = null;
      int eq = arg.indexOf('=');
      if (arg.startsWith("--") && eq > 0) {
        name = arg.substring(0, eq);
        value = arg.substring(eq + 1);
      }
      if (FLAGS.contains(name)) {
        if (value != null) {
          throw new UsageException(name + " takes no value");
        }
        if (name.equals("--force")) {
          write = write.withForce(true);
        } else {
          help = true;
        }
        continue;
      }
      if (!WITH_VALUE.contains(name)) {
        throw new UsageException("unknown argument '" + arg + "'; known: " + String.join(", ",
            WITH_VALUE.stream().sorted().toList()) + ", --force, --help");
      }
      if (value == null) {
        if (i + 1 >= args.length) {
          throw new UsageException(name + " needs a value");
        }
        value = args[++i];
      }
      switch (name) {
        case "--out":
          if (value.isBlank()) {
            throw new UsageException("--out needs a directory");
          }
          out = Path.of(value);
          break;
        case "--rows":
          rows = count(name, value, SampleLake.MIN_ROWS, SampleLake.MAX_ROWS);
          break;
        case "--seed":
          seed = number(name, value);
          break;
        case "--threads":
          write = write.withThreads((int) count(name, value, 1, 256));
          break;
        case "--compression":
          write = write.withCompression(compression(value));
          break;
        case "--rows-per-file":
          write = write.withRowsPerFile((int) count(name, value, 1, Integer.MAX_VALUE));
          break;
        default:
          write = write.withRowsPerRowGroup((int) count(name, value, 1, Integer.MAX_VALUE));
          break;
      }
    }
    if (out == null && !help) {
      throw new UsageException("--out DIR is required");
    }
    return new GenerateOptions(out, rows, seed, write, help);
  }

  private static long number(String name, String text) {
    try {
      return Long.parseLong(text.replace("_", ""));
    } catch (NumberFormatException e) {
      throw new UsageException(name + " must be an integer, got '" + text + "'");
    }
  }

  /** A positive count, with an optional k/M/B suffix (thousand, million, billion). */
  private static long count(String name, String text, long min, long max) {
    String t = text.replace("_", "").trim();
    long factor = 1;
    if (!t.isEmpty()) {
      switch (Character.toLowerCase(t.charAt(t.length() - 1))) {
        case 'k':
          factor = 1_000;
          break;
        case 'm':
          factor = 1_000_000;
          break;
        case 'b':
          factor = 1_000_000_000;
          break;
        default:
          break;
      }
    }
    if (factor != 1) {
      t = t.substring(0, t.length() - 1);
    }
    long value;
    try {
      value = Math.multiplyExact(Long.parseLong(t), factor);
    } catch (NumberFormatException | ArithmeticException e) {
      throw new UsageException(name + " must be a whole number such as 1000000 or 10M, got '" + text + "'");
    }
    if (value < min || value > max) {
      throw new UsageException(name + " must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static CompressionCodecName compression(String text) {
    try {
      CompressionCodecName codec = CompressionCodecName.valueOf(text.toUpperCase(Locale.ROOT));
      if (WriteOptions.SUPPORTED_COMPRESSION.contains(codec)) {
        return codec;
      }
    } catch (IllegalArgumentException e) {
      // falls through to the one error message below, which lists the accepted names
    }
    throw new UsageException("--compression must be one of snappy, zstd, gzip, uncompressed; got '" + text + "'");
  }
}
