package io.lakegate.lake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.lakegate.catalog.ColumnDef;
import io.lakegate.catalog.ColumnType;
import io.lakegate.catalog.TableDef;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;

import org.apache.calcite.util.ImmutableIntList;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ParquetProperties.WriterVersion;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The column-at-a-time reader on real parquet files written by parquet-hadoop: every declared type
 * in each file encoding the startup check accepts, REQUIRED and OPTIONAL columns, column chunks
 * that are entirely NULL, plain, dictionary and delta pages (v1 and v2 writers), and a column chunk
 * whose dictionary overflowed so that it mixes dictionary and plain pages. Expected values are
 * computed here from the written values, not by the code under test.
 */
class FileRowReaderTest {
  private static final int ROWS = 300;
  private static final int ROW_GROUP_ROWS = 100;
  private static final LocalDate PARTITION_DAY = LocalDate.parse("2025-05-01");
  private static final String[] WORDS = {"direct", "agrégateur", "broker", "ünïcode ✓"};

  @TempDir
  java.nio.file.Path dir;
  private final Configuration conf = new Configuration();

  /**
   * One file column: its parquet declaration, its declared type, and the value written at row i
   * with the runtime value expected back (null for NULL).
   */
  private record Case(String name, String parquet, String declared, boolean nullable,
      IntFunction<Object> written, IntFunction<Object> expected) {
    Case(String name, String parquet, String declared, IntFunction<Object> written, IntFunction<Object> expected) {
      this(name, parquet, declared, parquet.startsWith("optional"), written, expected);
    }
  }

  /** Optional columns are NULL on every third row and on the whole second row group (an all-NULL column chunk). */
  private static boolean nullAt(int i) {
    return i % 3 == 0 || (i >= ROW_GROUP_ROWS && i < 2 * ROW_GROUP_ROWS);
  }

  /**
   * Most columns repeat a few values, so that with dictionaries on their chunks are dictionary
   * encoded (a writer falls back to plain when a dictionary does not pay); {@link #PLAIN_ONLY} are
   * unique or BOOLEAN and stay plain.
   */
  private static final List<Case> CASES = List.of(
      new Case("b_req", "required boolean", "BOOLEAN", i -> i % 2 == 0, i -> i % 2 == 0),
      new Case("b_opt", "optional boolean", "BOOLEAN", i -> i % 5 == 0, i -> i % 5 == 0),
      new Case("i_req", "required int32", "INTEGER", i -> i * 7 - 1000, i -> i * 7 - 1000),
      new Case("i16_opt", "optional int32 %s (INTEGER(16,true))", "INTEGER", i -> i % 50 - 25, i -> i % 50 - 25),
      new Case("l_req", "required int64", "BIGINT", i -> i * 1_000_000_007L - 5, i -> i * 1_000_000_007L - 5),
      new Case("l_opt", "optional int64 %s (INTEGER(64,true))", "BIGINT", i -> (long) (i % 4), i -> (long) (i % 4)),
      new Case("d_opt", "optional double", "DOUBLE", i -> i % 16 / 8.0 - 1, i -> i % 16 / 8.0 - 1),
      new Case("dec32", "required int32 %s (DECIMAL(9,2))", "DECIMAL(9,2)",
          i -> BigDecimal.valueOf(i % 9 * 37L - 150, 2), i -> new BigDecimal(BigInteger.valueOf(i % 9 * 37L - 150), 2)),
      new Case("dec64", "optional int64 %s (DECIMAL(18,4))", "DECIMAL(18,4)",
          i -> BigDecimal.valueOf(-(i % 5) * 123_456_789L, 4),
          i -> new BigDecimal(BigInteger.valueOf(-(i % 5) * 123_456_789L), 4)),
      new Case("decfix", "optional fixed_len_byte_array(9) %s (DECIMAL(20,3))", "DECIMAL(20,3)",
          i -> bigUnscaled(290 + i % 11), i -> new BigDecimal(bigUnscaled(290 + i % 11).unscaledValue(), 3)),
      new Case("decbin", "optional binary %s (DECIMAL(38,10))", "DECIMAL(38,10)",
          i -> new BigDecimal(BigInteger.TEN.pow(27).add(BigInteger.valueOf(i % 6)).negate(), 10),
          i -> new BigDecimal(BigInteger.TEN.pow(27).add(BigInteger.valueOf(i % 6)).negate(), 10)),
      new Case("s_req", "required binary %s (STRING)", "VARCHAR", i -> WORDS[i % 4], i -> WORDS[i % 4]),
      new Case("s_opt", "optional binary %s (STRING)", "VARCHAR", i -> "customer-" + i, i -> "customer-" + i),
      new Case("s_enum", "optional binary %s (ENUM)", "VARCHAR", i -> i % 2 == 0 ? "A" : "B",
          i -> i % 2 == 0 ? "A" : "B"),
      new Case("s_raw", "optional binary", "VARCHAR", i -> i % 10 == 1 ? "" : "raw" + i % 7,
          i -> i % 10 == 1 ? "" : "raw" + i % 7),
      new Case("day", "optional int32 %s (DATE)", "DATE", i -> LocalDate.parse("1969-12-25").plusDays(i % 12),
          i -> (int) LocalDate.parse("1969-12-25").plusDays(i % 12).toEpochDay()),
      new Case("ts_ms", "required int64 %s (TIMESTAMP(MILLIS,true))", "TIMESTAMP(3)",
          i -> (i % 10 - 5) * 86_400_123L, i -> (i % 10 - 5) * 86_400_123L),
      // Sub-millisecond units before 1970 round down, as Instant.toEpochMilli does.
      new Case("ts_us", "optional int64 %s (TIMESTAMP(MICROS,true))", "TIMESTAMP(3)",
          i -> (i % 10 - 5) * 1_000_001L + 7,
          i -> Instant.EPOCH.plusNanos(((i % 10 - 5) * 1_000_001L + 7) * 1000).toEpochMilli()),
      new Case("ts_ns", "optional int64 %s (TIMESTAMP(NANOS,false))", "TIMESTAMP(3)",
          i -> (i % 10 - 5) * 1_000_000_003L, i -> Instant.EPOCH.plusNanos((i % 10 - 5) * 1_000_000_003L).toEpochMilli()));

  private static final Set<String> PLAIN_ONLY = Set.of("b_req", "b_opt", "i_req", "l_req", "s_opt");

  /** Up to 18 digits, sign by parity, at scale 3. */
  private static BigDecimal bigUnscaled(int i) {
    BigInteger unscaled = BigInteger.valueOf(i).pow(7).add(BigInteger.valueOf(i));
    return new BigDecimal(i % 2 == 0 ? unscaled : unscaled.negate(), 3);
  }

  @ParameterizedTest(name = "dictionary={0}, writer={1}")
  @CsvSource({"true, PARQUET_1_0", "false, PARQUET_1_0", "true, PARQUET_2_0", "false, PARQUET_2_0"})
  void everyTypeRequiredAndOptionalWithAllNullChunks(boolean dictionary, WriterVersion version) throws IOException {
    java.nio.file.Path file = dir.resolve("every_type.parquet");
    ParquetFixtureWriter.write(file, schemaText(CASES), writtenRows(CASES), builder -> builder
        .withWriterVersion(version)
        .withDictionaryEncoding(dictionary)
        .withCompressionCodec(CompressionCodecName.SNAPPY)
        .withRowGroupRowCountLimit(ROW_GROUP_ROWS)
        .withPageRowCountLimit(20));
    for (Case c : CASES) {
      // Version 1 writers have no dictionary for FIXED_LEN_BYTE_ARRAY.
      boolean expectDictionary = dictionary && !PLAIN_ONLY.contains(c.name())
          && !(c.name().equals("decfix") && version == WriterVersion.PARQUET_1_0);
      assertEquals(expectDictionary, pageShape(file, c.name()).dictionaryPage(), c.name());
    }
    TableDef table = table(CASES);
    // Output order reversed from the file's, with the partition column (ordinal 0) last.
    int[] reversed = new int[table.columns().size()];
    for (int k = 0; k < reversed.length; k++) {
      reversed[k] = reversed.length - 1 - k;
    }
    ImmutableIntList fields = ImmutableIntList.of(reversed);
    ScanMetrics metrics = new ScanMetrics();

    List<List<Object>> rows = read(file, table, fields, metrics);

    List<List<Object>> expected = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      List<Object> row = new ArrayList<>();
      for (int k = CASES.size() - 1; k >= 0; k--) {
        Case c = CASES.get(k);
        row.add(c.nullable() && nullAt(i) ? null : c.expected().apply(i));
      }
      row.add((int) PARTITION_DAY.toEpochDay());
      expected.add(row);
    }
    assertEquals(expected, rows);
    assertEquals(ROWS / ROW_GROUP_ROWS, metrics.snapshot().rowGroupsRead());
    assertEquals(ROWS / ROW_GROUP_ROWS, metrics.snapshot().columnChunksDecoded("every_type", "s_opt"));
  }

  @Test
  void projectionReadsOnlyTheRequestedColumnsInOutputOrder() throws IOException {
    java.nio.file.Path file = dir.resolve("every_type.parquet");
    ParquetFixtureWriter.write(file, schemaText(CASES), writtenRows(CASES), ROW_GROUP_ROWS, CompressionCodecName.ZSTD);
    TableDef table = table(CASES);
    int sOpt = table.ordinal("s_opt");
    int dec64 = table.ordinal("dec64");
    ScanMetrics metrics = new ScanMetrics();

    List<List<Object>> rows = read(file, table, ImmutableIntList.of(sOpt, 0, dec64), metrics);

    Case s = CASES.get(sOpt - 1);
    Case d = CASES.get(dec64 - 1);
    assertEquals(ROWS, rows.size());
    for (int i = 0; i < ROWS; i++) {
      assertEquals(Arrays.asList(nullAt(i) ? null : s.expected().apply(i), (int) PARTITION_DAY.toEpochDay(),
          nullAt(i) ? null : d.expected().apply(i)), rows.get(i), "row " + i);
    }
    assertEquals(0, metrics.snapshot().columnChunksDecoded("every_type", "s_req"));
  }

  @ParameterizedTest(name = "writer={0}")
  @CsvSource({"PARQUET_1_0", "PARQUET_2_0"})
  void chunkWhoseDictionaryOverflowedMixesDictionaryAndPlainPages(WriterVersion version) throws IOException {
    // Few distinct values first (dictionary pages), then only new ones until the dictionary is full.
    List<Case> cases = List.of(
        new Case("s", "required binary %s (STRING)", "VARCHAR",
            i -> i < 60 ? WORDS[i % 4] : "unique-value-" + i, i -> i < 60 ? WORDS[i % 4] : "unique-value-" + i),
        new Case("o", "optional binary %s (STRING)", "VARCHAR",
            i -> i < 60 ? WORDS[i % 3] : "other-" + i, i -> i < 60 ? WORDS[i % 3] : "other-" + i),
        new Case("dec", "optional int64 %s (DECIMAL(12,2))", "DECIMAL(12,2)",
            i -> BigDecimal.valueOf(i < 60 ? i % 3 : i * 1001L, 2),
            i -> new BigDecimal(BigInteger.valueOf(i < 60 ? i % 3 : i * 1001L), 2)),
        new Case("ts", "required int64 %s (TIMESTAMP(MICROS,true))", "TIMESTAMP(3)",
            i -> i < 60 ? 5_000L * (i % 2) : i * 1_000_003L, i -> i < 60 ? 5L * (i % 2) : i * 1_000_003L / 1000));
    java.nio.file.Path file = dir.resolve("overflow.parquet");
    ParquetFixtureWriter.write(file, schemaText(cases), writtenRows(cases), builder -> builder
        .withWriterVersion(version)
        .withDictionaryEncoding(true)
        .withDictionaryPageSize(256)
        .withRowGroupRowCountLimit(ROWS)
        .withPageRowCountLimit(20)
        // Pages must be cut at 20 rows before the dictionary fills, or the writer re-encodes the whole chunk plain.
        .withMinRowCountForPageSizeCheck(1));
    for (Case c : cases) {
      PageShape shape = pageShape(file, c.name());
      assertTrue(shape.dictionaryPage(), c.name() + ": " + shape);
      assertTrue(shape.valueEncodings().stream().anyMatch(Encoding::usesDictionary), c.name() + ": " + shape);
      assertTrue(shape.valueEncodings().stream().anyMatch(e -> !e.usesDictionary()), c.name() + ": " + shape);
    }
    TableDef table = table(cases);

    List<List<Object>> rows = read(file, table, ImmutableIntList.of(1, 2, 3, 4), new ScanMetrics());

    for (int i = 0; i < ROWS; i++) {
      List<Object> expected = new ArrayList<>();
      for (Case c : cases) {
        expected.add(c.nullable() && nullAt(i) ? null : c.expected().apply(i));
      }
      assertEquals(expected, rows.get(i), "row " + i);
    }
  }

  @Test
  void rowsAreFreshArraysAndRowGroupBoundariesAreSeen() throws IOException {
    java.nio.file.Path file = dir.resolve("every_type.parquet");
    ParquetFixtureWriter.write(file, schemaText(CASES), writtenRows(CASES), ROW_GROUP_ROWS, CompressionCodecName.SNAPPY);
    TableDef table = table(CASES);
    RowLayout layout = new RowLayout(table, ImmutableIntList.of(0, table.ordinal("s_req")));
    Object[] template = layout.template(partition(table));
    LakeFile lakeFile = lakeFile(file);
    List<Integer> boundaries = new ArrayList<>();
    List<Object[]> rows = new ArrayList<>();
    try (FileRowReader reader = FileRowReader.open(lakeFile, lakeFile.rowGroups(), conf, layout, template,
        ScanRecorder.startScan(new ScanMetrics()), table.name())) {
      while (reader.next()) {
        rows.add(reader.current());
        if (reader.atRowGroupBoundary()) {
          boundaries.add(rows.size());
        }
      }
    }
    assertEquals(List.of(100, 200, 300), boundaries);
    assertNotSame(rows.get(0), rows.get(1), "a row must not be reused: rows escape into sorts and joins");
    assertEquals(Arrays.asList((int) PARTITION_DAY.toEpochDay(), null), Arrays.asList(template),
        "the template is never written to");
    assertEquals(WORDS[1], rows.get(1)[1]);
  }

  private List<List<Object>> read(java.nio.file.Path file, TableDef table, ImmutableIntList fields,
      ScanMetrics metrics) throws IOException {
    LakeFile lakeFile = lakeFile(file);
    assertEquals(List.of(), FileSchemaCheck.problems(table, file.toString(), lakeFile.schema()),
        "the fixture must pass the startup check");
    RowLayout layout = new RowLayout(table, fields);
    List<List<Object>> rows = new ArrayList<>();
    try (FileRowReader reader = FileRowReader.open(lakeFile, lakeFile.rowGroups(), conf, layout,
        layout.template(partition(table)), ScanRecorder.startScan(metrics), table.name())) {
      while (reader.next()) {
        rows.add(Arrays.asList(reader.current()));
      }
    }
    return rows;
  }

  private LakeFile lakeFile(java.nio.file.Path file) throws IOException {
    Path path = new Path(file.toUri());
    FileSystem fs = path.getFileSystem(conf);
    return new FooterReader(conf).read(List.of(fs.getFileStatus(path))).get(0);
  }

  private LakePartition partition(TableDef table) {
    Object[] values = new Object[table.columns().size()];
    values[0] = (int) PARTITION_DAY.toEpochDay();
    return new LakePartition(new Path(dir.toUri()), values, List.of());
  }

  /** A table of a DATE partition column {@code p} (ordinal 0) and the cases' file columns. */
  private static TableDef table(List<Case> cases) {
    List<ColumnDef> columns = new ArrayList<>();
    columns.add(new ColumnDef("p", ColumnType.parse("DATE"), false, true, null));
    for (Case c : cases) {
      columns.add(new ColumnDef(c.name(), ColumnType.parse(c.declared()), c.nullable(), false, null));
    }
    return new TableDef("every_type", "every_type", columns, null);
  }

  private static String schemaText(List<Case> cases) {
    StringBuilder sb = new StringBuilder("message every_type {\n");
    for (Case c : cases) {
      String declaration = c.parquet().contains("%s") ? c.parquet().formatted(c.name()) : c.parquet() + " " + c.name();
      sb.append("  ").append(declaration).append(";\n");
    }
    return sb.append("}").toString();
  }

  private static List<Object[]> writtenRows(List<Case> cases) {
    List<Object[]> rows = new ArrayList<>();
    for (int i = 0; i < ROWS; i++) {
      Object[] row = new Object[cases.size()];
      for (int k = 0; k < cases.size(); k++) {
        Case c = cases.get(k);
        row[k] = c.nullable() && nullAt(i) ? null : c.written().apply(i);
      }
      rows.add(row);
    }
    return rows;
  }

  /** Whether the first row group's chunk of {@code column} has a dictionary page, and its data pages' value encodings. */
  private record PageShape(boolean dictionaryPage, Set<Encoding> valueEncodings) {
  }

  private PageShape pageShape(java.nio.file.Path file, String column) throws IOException {
    try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file.toUri()), conf))) {
      ColumnDescriptor descriptor = reader.getFooter().getFileMetaData().getSchema()
          .getColumnDescription(new String[] {column});
      try (PageReadStore rowGroup = reader.readNextRowGroup()) {
        PageReader pages = rowGroup.getPageReader(descriptor);
        boolean dictionary = pages.readDictionaryPage() != null;
        Set<Encoding> encodings = EnumSet.noneOf(Encoding.class);
        for (DataPage page = pages.readPage(); page != null; page = pages.readPage()) {
          encodings.add(page.accept(new DataPage.Visitor<Encoding>() {
            @Override
            public Encoding visit(DataPageV1 v1) {
              return v1.getValueEncoding();
            }

            @Override
            public Encoding visit(DataPageV2 v2) {
              return v2.getDataEncoding();
            }
          }));
        }
        return new PageShape(dictionary, encodings);
      }
    }
  }
}
