package io.lakegate.jdbc;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Driver;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Checks the shaded jar's contents and that it works alone, as a JDBC tool loads it. */
class ShadedJarIT {
  @Test void onlyLakegateClassesAndMetadataAtTheTop() throws IOException {
    try (JarFile jar = new JarFile(IsolatedDriver.shadedJar().toFile())) {
      List<String> names = jar.stream().map(JarEntry::getName).collect(Collectors.toList());
      Set<String> top = names.stream().map(n -> n.substring(0, n.indexOf('/') + 1))
          .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(Set.of("io/", "META-INF/"), top);
      List<String> foreign = names.stream()
          .filter(n -> n.startsWith("io/") && !n.equals("io/") && !n.startsWith("io/lakegate/"))
          .collect(Collectors.toList());
      assertEquals(List.of(), foreign);
      List<String> signatures = names.stream()
          .filter(n -> n.matches("META-INF/[^/]+\\.(SF|DSA|RSA|EC)"))
          .collect(Collectors.toList());
      assertEquals(List.of(), signatures);
      assertTrue(names.contains("io/lakegate/jdbc/Driver.class"));
      assertTrue(names.contains(
          "io/lakegate/jdbc/shaded/org/apache/calcite/avatica/remote/Driver.class"));
      assertTrue(names.contains("io/lakegate/jdbc/shaded/org/apache/hc/client5/http/psl/"
          + "PublicSuffixMatcherLoader.class"));
      assertTrue(names.contains(
          "io/lakegate/jdbc/shaded/org/publicsuffix/list/effective_tld_names.dat"));
      assertEquals("io.lakegate.jdbc.Driver", read(jar, "META-INF/services/java.sql.Driver"));
      assertEquals("io.lakegate.jdbc.shaded.org.slf4j.jul.JULServiceProvider",
          read(jar, "META-INF/services/io.lakegate.jdbc.shaded.org.slf4j.spi."
              + "SLF4JServiceProvider"));
    }
  }

  @Test void dependencyReducedPomDeclaresNoRuntimeDependency() throws IOException {
    Path pom = IsolatedDriver.shadedJar().resolveSibling("dependency-reduced-pom.xml");
    String text = Files.readString(pom);
    for (String shaded : List.of("avatica-core", "jackson-databind", "protobuf-java",
        "httpclient5", "slf4j-api", "slf4j-jdk14")) {
      assertFalse(text.contains("<artifactId>" + shaded + "</artifactId>"), shaded);
    }
  }

  @Test void serviceLoaderFindsOnlyTheLakegateDriverInAnIsolatedLoader() throws Exception {
    PrintStream stderr = System.err;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    IsolatedDriver isolated;
    System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      isolated = IsolatedDriver.load();
      isolated.driver();
    } finally {
      System.setErr(stderr);
    }
    try (isolated) {
      // Loading the driver is silent: slf4j finds its relocated java.util.logging provider.
      assertEquals("", captured.toString(StandardCharsets.UTF_8));
      List<String> classes = isolated.announced().stream()
          .map(d -> d.getClass().getName()).collect(Collectors.toList());
      assertEquals(List.of("io.lakegate.jdbc.Driver"), classes);

      Driver driver = isolated.driver();
      assertTrue(driver.acceptsURL("jdbc:lakegate:url=http://localhost:8765"));
      assertTrue(driver.acceptsURL("jdbc:lakegate:url=http://gw:8765;serialization=json"));
      assertFalse(driver.acceptsURL("jdbc:avatica:remote:url=http://localhost:8765"));
      assertFalse(driver.acceptsURL("jdbc:calcite:"));
      assertFalse(driver.acceptsURL("jdbc:clickhouse://localhost:8123"));
      assertEquals(null, driver.connect("jdbc:calcite:", new Properties()));
      String[] version = System.getProperty("lakegate.version").split("[.-]");
      assertEquals(Integer.parseInt(version[0]), driver.getMajorVersion());
      assertEquals(Integer.parseInt(version[1]), driver.getMinorVersion());

      // Nothing of the test classpath leaks in, and Avatica is there only relocated.
      ClassLoader loader = isolated.loader();
      assertThrows(ClassNotFoundException.class,
          () -> loader.loadClass("org.apache.calcite.avatica.remote.Driver"));
      assertThrows(ClassNotFoundException.class,
          () -> loader.loadClass("com.fasterxml.jackson.databind.ObjectMapper"));
      assertThrows(ClassNotFoundException.class, () -> loader.loadClass("org.slf4j.Logger"));
      loader.loadClass("io.lakegate.jdbc.shaded.com.google.protobuf.Message");

      SQLException missing = assertThrows(SQLException.class,
          () -> driver.connect("jdbc:lakegate:", new Properties()));
      assertEquals(ConnectRequest.MISSING_URL, missing.getMessage());

      DriverPropertyInfo[] properties = driver.getPropertyInfo("jdbc:lakegate:", null);
      assertTrue(Arrays.stream(properties).anyMatch(p -> p.name.equals("url") && p.required));
    }
  }

  @Test void driverManagerOffersOnlyJdbcLakegate() throws Exception {
    // A fresh JVM with the jar on its class path, as sqlline runs: DriverManager loads drivers
    // through META-INF/services and must not see the relocated Avatica driver inside the jar.
    Path javaCommand = Path.of(System.getProperty("java.home"), "bin", "java");
    String classPath = IsolatedDriver.shadedJar() + File.pathSeparator
        + Path.of(DriverManagerProbe.class.getProtectionDomain().getCodeSource().getLocation()
            .toURI());
    Process probe = new ProcessBuilder(javaCommand.toString(), "-cp", classPath,
        DriverManagerProbe.class.getName(),
        "jdbc:lakegate:url=http://localhost:8765", "jdbc:avatica:remote:url=http://localhost:8765")
        .redirectErrorStream(true)
        .start();
    String output;
    try (InputStream in = probe.getInputStream()) {
      output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(probe.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, probe.exitValue(), output);
    assertEquals(List.of(
        "registered io.lakegate.jdbc.Driver",
        "jdbc:lakegate:url=http://localhost:8765 -> io.lakegate.jdbc.Driver",
        "jdbc:avatica:remote:url=http://localhost:8765 -> none"),
        output.lines().collect(Collectors.toList()));
  }

  private static String read(JarFile jar, String name) throws IOException {
    JarEntry entry = jar.getJarEntry(name);
    assertTrue(entry != null, name);
    try (InputStream in = jar.getInputStream(entry)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }
}
