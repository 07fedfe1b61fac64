package io.lakegate.generator;

import java.io.IOException;
import java.io.PrintStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The command line of the generator ({@code generate --out DIR [--rows N] [--seed S] ...}); the
 * gateway's {@code generate} subcommand calls {@link #run(String...)}. Progress goes to the log;
 * usage and one-line errors go to the console stream, because they are the user interface of
 * the command and must show even without a logging backend.
 */
public final class GenerateCommand {
  private static final Logger LOG = LoggerFactory.getLogger(GenerateCommand.class);
  /** Exit code of a finished lake. */
  public static final int OK = 0;
  /** Exit code when the lake could not be written (I/O, or a directory it must not touch). */
  public static final int FAILED = 1;
  /** Exit code of a bad command line. */
  public static final int USAGE = 2;

  private GenerateCommand() {
  }

  public static void main(String... args) {
    System.exit(run(args));
  }

  /** Runs the command with usage and errors on standard error; never exits the JVM. */
  public static int run(String... args) {
    return run(System.err, args);
  }

  /** Runs the command with usage and errors on {@code console}; returns {@link #OK}, {@link #FAILED} or {@link #USAGE}. */
  public static int run(PrintStream console, String... args) {
    GenerateOptions options;
    try {
      options = GenerateOptions.parse(args);
    } catch (UsageException e) {
      console.println("generate: " + e.getMessage() + " (--help shows usage)");
      return USAGE;
    }
    if (options.help()) {
      console.println(GenerateOptions.USAGE);
      return OK;
    }
    try {
      SampleLake lake = SampleLake.builder().seed(options.seed()).rows(options.rows()).build();
      lake.write(options.out(), options.write());
      return OK;
    } catch (LakeGenerationException e) {
      console.println("generate: " + e.getMessage());
      return FAILED;
    } catch (IOException e) {
      LOG.error("writing the lake to {} failed", options.out(), e);
      console.println("generate: cannot write the lake to " + options.out() + ": " + e
          + "; the directory has no " + LakeManifest.FILE_NAME + " and is incomplete");
      return FAILED;
    }
  }
}
