package io.lakegate.jdbc;

import org.apache.calcite.avatica.BuiltInConnectionProperty;
import org.apache.calcite.avatica.ConnectionProperty;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pins {@link DriverProperty} to Avatica's properties and lakegate's defaults. */
class DriverPropertyTest {
  @Test void coversEveryAvaticaProperty() {
    // Fails when an Avatica upgrade adds a property: describe it in DriverProperty.
    Set<String> documented = Arrays.stream(DriverProperty.values())
        .map(DriverProperty::camelName).collect(Collectors.toSet());
    Set<String> avatica = Arrays.stream(BuiltInConnectionProperty.values())
        .map(BuiltInConnectionProperty::camelName).collect(Collectors.toSet());
    assertEquals(avatica, documented);
  }

  @Test void defaultsAreAvaticasExceptSerialization() {
    assertEquals("protobuf", DriverProperty.SERIALIZATION.defaultValue());
    assertEquals("json", BuiltInConnectionProperty.SERIALIZATION.defaultValue());
    for (DriverProperty property : DriverProperty.values()) {
      if (property == DriverProperty.SERIALIZATION) {
        continue;
      }
      Object avatica = property.avatica().defaultValue();
      String expected = avatica instanceof Enum<?> e ? e.name()
          : avatica == null ? null : avatica.toString();
      assertEquals(expected, property.defaultValue(), property.camelName());
    }
    assertEquals("100", DriverProperty.FETCH_SIZE.defaultValue());
    assertEquals("180000", DriverProperty.HTTP_RESPONSE_TIMEOUT.defaultValue());
    assertEquals("STRICT", DriverProperty.HOSTNAME_VERIFICATION.defaultValue());
  }

  @Test void onlyUrlIsRequired() {
    for (DriverProperty property : DriverProperty.values()) {
      assertEquals(property == DriverProperty.URL, property.required(), property.camelName());
    }
  }

  @Test void findsKeysAsAvaticaDoes() {
    Properties properties = new Properties();
    properties.setProperty("TIME_ZONE", "UTC");
    properties.setProperty("Serialization", "json");
    properties.setProperty("HTTPCLIENT_IMPL", "x.Y");
    assertEquals(Optional.of("UTC"), DriverProperty.TIME_ZONE.valueIn(properties));
    assertEquals(Optional.of("json"), DriverProperty.SERIALIZATION.valueIn(properties));
    assertEquals(Optional.of("x.Y"), DriverProperty.HTTP_CLIENT_IMPL.valueIn(properties));
    assertEquals(Optional.empty(), DriverProperty.URL.valueIn(properties));

    properties.clear();
    properties.setProperty("timezone", "UTC");
    assertEquals(Optional.of("timezone"), DriverProperty.TIME_ZONE.keyIn(properties));
  }

  @Test void classNamePropertiesAreTheOnesShadingAffects() {
    Set<DriverProperty> classNames = Arrays.stream(DriverProperty.values())
        .filter(DriverProperty::namesJavaClass).collect(Collectors.toSet());
    assertEquals(Set.of(DriverProperty.FACTORY, DriverProperty.HTTP_CLIENT_FACTORY,
        DriverProperty.HTTP_CLIENT_IMPL, DriverProperty.LB_STRATEGY,
        DriverProperty.TOKEN_PROVIDER_CLASS), classNames);
  }

  @Test void choicesFollowTheType() {
    assertArrayEquals(new String[] {"STRICT", "NONE"}, DriverProperty.HOSTNAME_VERIFICATION.choices());
    assertArrayEquals(new String[] {"true", "false"}, DriverProperty.USE_CLIENT_SIDE_LB.choices());
    assertEquals(0, DriverProperty.URL.choices().length);
    assertTrue(DriverProperty.AUTHENTICATION.type() == ConnectionProperty.Type.STRING);
  }
}
