package io.lakegate.generator;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * {@code lake.json}, written at the lake root after every file is complete: its presence says
 * the lake is whole, and its content says which seed and size produced it, so a script can
 * tell a stale or half-written lake from a current one.
 *
 * @param generator always {@value #GENERATOR}
 * @param dataVersion {@value #DATA_VERSION}; raised whenever the generator draws different rows for a seed
 * @param seed the seed
 * @param rowsRequested the requested total row count
 * @param firstDay first day of the calendar (ISO date)
 * @param lastDay last day of the calendar (ISO date)
 * @param compression parquet compression codec
 * @param rowsPerFile file size limit in rows
 * @param rowsPerRowGroup row-group size limit in rows
 * @param tables what was written, per table
 * @param generatedAt when the lake was finished (ISO instant); the only field a rerun changes
 */
public record LakeManifest(String generator, int dataVersion, long seed, long rowsRequested, String firstDay,
    String lastDay, String compression, int rowsPerFile, int rowsPerRowGroup, Map<String, TableSummary> tables,
    String generatedAt) {

  public static final String FILE_NAME = "lake.json";
  public static final String GENERATOR = "lakegate-lake-generator";
  public static final int DATA_VERSION = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  public LakeManifest {
    requireNonNull(generator, "generator");
    tables = Collections.unmodifiableMap(new LinkedHashMap<>(tables));
  }

  /** Whether this lake holds exactly the rows of {@code lake} (same seed, size and generator data version). */
  public boolean describes(SampleLake lake) {
    return GENERATOR.equals(generator) && dataVersion == DATA_VERSION && seed == lake.seed()
        && rowsRequested == lake.rows();
  }

  /**
   * The manifest of the lake at {@code root}, or empty when there is none (no lake, or one whose
   * writing did not finish).
   *
   * @throws IOException when the file exists but cannot be read or is not a lake manifest
   */
  public static Optional<LakeManifest> read(Path root) throws IOException {
    Path file = root.resolve(FILE_NAME);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      LakeManifest manifest = MAPPER.readValue(file.toFile(), LakeManifest.class);
      if (!GENERATOR.equals(manifest.generator())) {
        throw new IOException(file + " was not written by " + GENERATOR);
      }
      return Optional.of(manifest);
    } catch (JsonProcessingException e) {
      throw new IOException(file + " is not a lake manifest: " + e.getOriginalMessage(), e);
    }
  }

  /** Writes {@code lake.json} atomically (temporary file, then rename), so it is never seen half-written. */
  void write(Path root) throws IOException {
    Path temporary = root.resolve(FILE_NAME + ".tmp");
    MAPPER.writeValue(temporary.toFile(), this);
    Files.move(temporary, root.resolve(FILE_NAME), StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }
}
