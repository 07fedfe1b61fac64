package io.lakegate.lake;

/**
 * The part of a query's condition pushed into a lake scan.
 *
 * @param partitions conjuncts over partition columns only, evaluated on each partition's
 *     directory values before its files are looked at; null when none
 * @param rowGroups conjuncts over file columns only, turned into parquet predicates that skip
 *     whole row groups by their min/max statistics; null when none
 */
record ScanFilter(LakePredicate partitions, LakePredicate rowGroups) {
  static final ScanFilter NONE = new ScanFilter(null, null);

  boolean isEmpty() {
    return partitions == null && rowGroups == null;
  }
}
