package io.lakegate.catalog;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.Map;

/**
 * Where the parquet lake lives and how Hadoop's {@code FileSystem} reaches it.
 *
 * @param root absolute URI of the lake root: {@code file:///...} for a local or NFS directory,
 *     {@code abfss://container@account.dfs.core.windows.net/path} for ADLS Gen2
 * @param hadoop extra Hadoop configuration (for example ABFS credentials), already resolved
 *     from environment variables
 */
public record LakeConfig(URI root, Map<String, String> hadoop) {
  public LakeConfig {
    requireNonNull(root, "root");
    hadoop = Map.copyOf(hadoop);
  }
}
