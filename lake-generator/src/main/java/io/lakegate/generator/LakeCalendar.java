package io.lakegate.generator;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

/**
 * The fixed calendar of the sample lake, 2025-05-01 to 2026-10-31, and how quote volume moves
 * over it (weekday/weekend rhythm, a growth trend, a January renewal peak, holiday dips).
 * Fixed so that answers computed against the lake never change with the day it was generated.
 */
public final class LakeCalendar {
  /** First day of the lake. */
  public static final LocalDate FIRST_DAY = LocalDate.of(2025, 5, 1);
  /** Last day of the lake, inclusive. */
  public static final LocalDate LAST_DAY = LocalDate.of(2026, 10, 31);

  private static final List<LocalDate> DAYS =
      Stream.iterate(FIRST_DAY, d -> !d.isAfter(LAST_DAY), d -> d.plusDays(1)).toList();
  private static final double TREND = 0.35;

  private LakeCalendar() {
  }

  /** Every day of the lake, in order. */
  public static List<LocalDate> days() {
    return DAYS;
  }

  /** Number of days, 549. */
  public static int dayCount() {
    return DAYS.size();
  }

  /** Position of {@code day} in {@link #days()}; fails for a day outside the lake. */
  public static int dayIndex(LocalDate day) {
    if (day.isBefore(FIRST_DAY) || day.isAfter(LAST_DAY)) {
      throw new IllegalArgumentException(day + " is outside the lake calendar " + FIRST_DAY + " .. " + LAST_DAY);
    }
    return (int) ChronoUnit.DAYS.between(FIRST_DAY, day);
  }

  /** Midnight UTC of {@code day} as epoch milliseconds. */
  static long startMillis(LocalDate day) {
    return day.atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
  }

  /** Relative quote volume of {@code day}; its mean over the calendar is about 1. */
  static double volumeWeight(LocalDate day) {
    double trend = 1 + TREND * dayIndex(day) / (double) (DAYS.size() - 1);
    return trend * weekdayFactor(day.getDayOfWeek()) * monthFactor(day) / (1 + TREND / 2);
  }

  private static double weekdayFactor(DayOfWeek day) {
    switch (day) {
      case MONDAY:
        return 1.10;
      case TUESDAY:
        return 1.15;
      case WEDNESDAY:
        return 1.12;
      case THURSDAY:
        return 1.08;
      case FRIDAY:
        return 1.00;
      case SATURDAY:
        return 0.55;
      default:
        return 0.45;
    }
  }

  private static double monthFactor(LocalDate day) {
    if ((day.getMonth() == Month.DECEMBER && day.getDayOfMonth() == 25)
        || (day.getMonth() == Month.JANUARY && day.getDayOfMonth() == 1)) {
      return 0.30;
    }
    switch (day.getMonth()) {
      case JANUARY:
        return 1.15;
      case AUGUST:
        return 0.90;
      case DECEMBER:
        return 0.85;
      default:
        return 1.0;
    }
  }
}
