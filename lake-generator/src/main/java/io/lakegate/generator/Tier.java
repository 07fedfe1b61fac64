package io.lakegate.generator;

import java.util.Locale;

/** Commission tiers, lowest first; large partners sit in the high tiers. */
enum Tier {
  BRONZE,
  SILVER,
  GOLD,
  PLATINUM;

  private final String sqlName = name().toLowerCase(Locale.ROOT);

  /** The value stored in the lake. */
  String sqlName() {
    return sqlName;
  }

  /** The tier a partner of this volume rank (1 = largest) is usually in. */
  static Tier forVolumeRank(int rank) {
    if (rank <= 8) {
      return PLATINUM;
    }
    if (rank <= 40) {
      return GOLD;
    }
    if (rank <= 140) {
      return SILVER;
    }
    return BRONZE;
  }

  /** One tier lower, or this tier when it is already the lowest. */
  Tier lower() {
    return this == BRONZE ? BRONZE : values()[ordinal() - 1];
  }
}
