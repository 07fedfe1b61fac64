-- lakegate on ADLS Gen2: the same two databases as ddl/nfs (see ddl/README.md).
CREATE DATABASE IF NOT EXISTS lake;
CREATE DATABASE IF NOT EXISTS analytics;
