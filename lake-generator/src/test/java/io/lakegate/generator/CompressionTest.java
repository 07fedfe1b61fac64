package io.lakegate.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.parquet.hadoop.metadata.ColumnChunkMetaData;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every supported codec (native SNAPPY and ZSTD included) writes files that read back to the same rows. */
class CompressionTest {
  @TempDir
  Path root;

  @ParameterizedTest
  @EnumSource(value = CompressionCodecName.class, names = {"SNAPPY", "ZSTD", "GZIP", "UNCOMPRESSED"})
  void writesAndReadsBack(CompressionCodecName codec) throws IOException {
    SampleLake lake = SampleLake.builder().rows(200_000).build();
    LocalDate day = LocalDate.of(2026, 3, 2);
    LakePartition<QuoteOutcomeRow> partition = new LakePartition<>(SampleLake.QUOTE_OUTCOMES, "date", day.toString(),
        new QuoteOutcomeFormat(), () -> lake.quoteOutcomes(day).iterator());
    new PartitionWriter(WriteOptions.defaults().withCompression(codec), Map.of()).write(root, partition);

    Path file = root.resolve("quote_outcomes/date=2026-03-02/part-00000.parquet");
    List<List<Object>> expected = lake.quoteOutcomes(day).map(q -> q.values().subList(1, q.values().size())).toList();
    RowAssertions.assertSameRows(expected, ParquetRows.read(file), codec.name());
    for (ColumnChunkMetaData column : ParquetRows.footer(file).getBlocks().get(0).getColumns()) {
      assertEquals(codec, column.getCodec(), column.getPath().toDotString());
    }
  }
}
