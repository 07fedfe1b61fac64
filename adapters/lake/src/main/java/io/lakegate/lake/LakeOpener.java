package io.lakegate.lake;

import static java.util.Objects.requireNonNull;

import io.lakegate.catalog.LakegateModel;
import io.lakegate.catalog.TableDef;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The startup check: lists every declared table, reads every footer, and checks every file
 * against the declared columns, failing once with every problem found rather than at the first.
 */
final class LakeOpener {
  private static final Logger LOG = LoggerFactory.getLogger(LakeOpener.class);
  /** More lines than this in one error would hide the first ones; the rest are counted. */
  private static final int MAX_PROBLEMS_SHOWN = 10;

  private final LakegateModel model;
  private final Configuration conf;

  LakeOpener(LakegateModel model, Configuration conf) {
    this.model = requireNonNull(model, "model");
    this.conf = requireNonNull(conf, "conf");
  }

  /** Hadoop configuration of the lake: Hadoop's defaults plus {@code lake.hadoop} from model.json. */
  static Configuration hadoopConfiguration(LakegateModel model) {
    Configuration conf = new Configuration();
    model.lake().hadoop().forEach(conf::set);
    return conf;
  }

  List<TableFiles> open() {
    Path root = new Path(model.lake().root());
    FileSystem fs;
    try {
      fs = root.getFileSystem(conf);
    } catch (UnsupportedFileSystemException e) {
      throw new LakeSchemaException("lake root " + root + ": no Hadoop file system for scheme '"
          + root.toUri().getScheme() + "'; for abfss:// put hadoop-azure on the class path, "
          + "otherwise fix 'lake.root' in model.json", e);
    } catch (IOException e) {
      throw new LakeSchemaException("cannot reach the lake root " + root + ": " + e.getMessage()
          + "; check 'lake.root' and 'lake.hadoop' in model.json", e);
    }
    PartitionLister lister = new PartitionLister(fs);
    List<List<PartitionLister.Listed>> listedPerTable = new ArrayList<>();
    List<FileStatus> allFiles = new ArrayList<>();
    for (TableDef table : model.tables()) {
      List<PartitionLister.Listed> listed = lister.list(table, new Path(root, table.location()));
      listed.forEach(l -> allFiles.addAll(l.files()));
      listedPerTable.add(listed);
    }
    List<LakeFile> footers = new FooterReader(conf).read(allFiles);

    List<String> problems = new ArrayList<>();
    List<TableFiles> tables = new ArrayList<>();
    int next = 0;
    for (int t = 0; t < model.tables().size(); t++) {
      TableDef table = model.tables().get(t);
      List<LakePartition> partitions = new ArrayList<>();
      for (PartitionLister.Listed listed : listedPerTable.get(t)) {
        List<LakeFile> files = footers.subList(next, next + listed.files().size());
        next += listed.files().size();
        for (LakeFile file : files) {
          problems.addAll(FileSchemaCheck.problems(table, file.path().toString(), file.schema()));
        }
        if (files.isEmpty()) {
          LOG.info("lake partition {} of table {} has no files", listed.directory(), table.name());
        }
        partitions.add(new LakePartition(listed.directory(), listed.valuesByOrdinal(), files));
      }
      TableFiles tableFiles = new TableFiles(table, partitions);
      LakeStatistics.TableStatistics stats = tableFiles.statistics();
      if (stats.files() == 0) {
        LOG.warn("lake table {} has no parquet files under {}; it reads as empty",
            table.name(), new Path(root, table.location()));
      }
      tables.add(tableFiles);
    }
    if (!problems.isEmpty()) {
      throw new LakeSchemaException(summarize(problems));
    }
    return tables;
  }

  private static String summarize(List<String> problems) {
    if (problems.size() == 1) {
      return problems.get(0);
    }
    StringBuilder sb = new StringBuilder(problems.size() + " mismatches between the lake files and model.json:");
    problems.stream().limit(MAX_PROBLEMS_SHOWN).forEach(p -> sb.append("\n  ").append(p));
    if (problems.size() > MAX_PROBLEMS_SHOWN) {
      sb.append("\n  ... and ").append(problems.size() - MAX_PROBLEMS_SHOWN).append(" more");
    }
    return sb.toString();
  }
}
