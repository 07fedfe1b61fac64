package io.lakegate.jdbc;

import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Collections;

/**
 * Run by {@link ShadedJarIT} in a fresh JVM whose class path is the shaded jar and this class:
 * prints what java.sql.DriverManager (how sqlline and most tools find drivers) registered, and
 * which driver answers each URL given as an argument.
 */
public final class DriverManagerProbe {
  private DriverManagerProbe() {
  }

  /** Prints "registered CLASS" lines, then "URL -> CLASS" (or "-> none") per argument. */
  public static void main(String[] args) {
    for (Driver driver : Collections.list(DriverManager.getDrivers())) {
      System.out.println("registered " + driver.getClass().getName());
    }
    for (String url : args) {
      String answer;
      try {
        answer = DriverManager.getDriver(url).getClass().getName();
      } catch (SQLException e) {
        answer = "none";
      }
      System.out.println(url + " -> " + answer);
    }
  }
}
