package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import java.util.List;

import org.apache.hadoop.fs.Path;
import org.apache.parquet.hadoop.metadata.BlockMetaData;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.MessageType;

/**
 * One parquet file of the lake with the footer read (and checked) at open, kept in memory so
 * that pruning and reading never fetch the footer again.
 *
 * @param path the file, as Hadoop addresses it
 * @param length file length in bytes
 * @param footer the parsed footer: schema, row groups, column chunk statistics
 */
record LakeFile(Path path, long length, ParquetMetadata footer) {
  LakeFile {
    requireNonNull(path, "path");
    requireNonNull(footer, "footer");
  }

  MessageType schema() {
    return footer.getFileMetaData().getSchema();
  }

  List<BlockMetaData> rowGroups() {
    return footer.getBlocks();
  }

  long rows() {
    long rows = 0;
    for (BlockMetaData block : footer.getBlocks()) {
      rows += block.getRowCount();
    }
    return rows;
  }

  @Override
  public String toString() {
    return path.toString();
  }
}
