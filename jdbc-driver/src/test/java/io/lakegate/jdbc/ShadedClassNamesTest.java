package io.lakegate.jdbc;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Tests {@link ShadedClassNames}. */
class ShadedClassNamesTest {
  @Test void relocatesOnlyAvaticaClassesAndOnlyWhenShaded() {
    ShadedClassNames shaded =
        new ShadedClassNames("io.lakegate.jdbc.shaded.org.apache.calcite.avatica");
    assertEquals("io.lakegate.jdbc.shaded.org.apache.calcite.avatica.remote.X",
        shaded.resolve("org.apache.calcite.avatica.remote.X"));
    assertEquals("io.lakegate.jdbc.shaded.org.apache.calcite.avatica.ha.Lb#INSTANCE",
        shaded.resolve(" org.apache.calcite.avatica.ha.Lb#INSTANCE"));
    assertEquals("com.example.MyClient", shaded.resolve("com.example.MyClient"));
    assertEquals("io.lakegate.jdbc.shaded.org.apache.calcite.avatica.remote.X",
        shaded.resolve("io.lakegate.jdbc.shaded.org.apache.calcite.avatica.remote.X"));
    assertEquals("org.apache.calcite.avatica_extra.X",
        shaded.resolve("org.apache.calcite.avatica_extra.X"));

    ShadedClassNames plain = new ShadedClassNames("org.apache.calcite.avatica");
    assertEquals("org.apache.calcite.avatica.remote.X",
        plain.resolve("org.apache.calcite.avatica.remote.X"));
    assertEquals(plain.resolve("a.B"), ShadedClassNames.current().resolve("a.B"));
  }
}
