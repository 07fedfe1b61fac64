package io.lakegate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.remote.AvaticaRuntimeException;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The connection property allow-list, through {@link LakegateMeta#openConnection} as a remote client reaches it. */
class LakegateMetaTest {
  private LakegateMeta meta;

  @BeforeEach
  void createMeta() throws Exception {
    meta = new LakegateMeta("analytics", new AbstractSchema(), TestGuardrails.repositoryPolicy());
  }

  @AfterEach
  void closeMeta() {
    meta.closeAllConnections();
  }

  @ParameterizedTest
  @ValueSource(strings = {"model", "schemaFactory", "schema", "fun", "lex", "conformance", "parserFactory",
      "typeSystem", "caseSensitive", "timeZone", "USER"})
  void everyOtherPropertyIsRejectedAndNoConnectionOpens(String property) {
    AvaticaRuntimeException e = assertThrows(AvaticaRuntimeException.class,
        () -> meta.openConnection(new Meta.ConnectionHandle("c1"), Map.of("user", "ann", property, "x")));
    assertEquals("guardrail CONNECTION_PROPERTY: connection property '" + property + "' is not allowed; allowed: user,"
        + " password, lakegate.timeout_ms", e.getErrorMessage());
    assertEquals("08004", e.getSqlState());
    assertFalse(meta.isOpen("c1"));
  }

  @Test
  void severalRejectedPropertiesAreAllNamed() {
    AvaticaRuntimeException e = assertThrows(AvaticaRuntimeException.class,
        () -> meta.openConnection(new Meta.ConnectionHandle("c2"), Map.of("model", "/tmp/m.json", "fun", "oracle")));
    assertEquals("guardrail CONNECTION_PROPERTY: connection properties 'fun', 'model' are not allowed; allowed: user,"
        + " password, lakegate.timeout_ms", e.getErrorMessage());
  }

  @Test
  void aConnectionMayShortenItsTimeoutButNeverLengthenIt() {
    meta.openConnection(new Meta.ConnectionHandle("short"), Map.of("lakegate.timeout_ms", "250"));
    assertTrue(meta.isOpen("short"));
    AvaticaRuntimeException e = assertThrows(AvaticaRuntimeException.class,
        () -> meta.openConnection(new Meta.ConnectionHandle("long"), Map.of("lakegate.timeout_ms", "60000")));
    assertEquals("08004", e.getSqlState());
    assertEquals("guardrail CONNECTION_PROPERTY: lakegate.timeout_ms=60000 is longer than the gateway's query timeout"
        + " of 5000 ms; a connection may only shorten it (1 to 5000)", e.getErrorMessage());
    assertFalse(meta.isOpen("long"));
  }

  @Test
  void allowedPropertiesOpenAConnectionWithTheServersCalciteSettings() throws Exception {
    Meta.ConnectionHandle ch = new Meta.ConnectionHandle("c3");
    meta.openConnection(ch, Map.of("user", "ann", "password", "secret"));
    assertTrue(meta.isOpen("c3"));
    assertEquals(1, meta.openConnections());

    Meta.StatementHandle statement = meta.createStatement(ch);
    Meta.ExecuteResult result = meta.prepareAndExecute(statement, "select 1 as Abc", -1, -1, NO_CALLBACK);
    // lex=MYSQL_ANSI keeps the case of unquoted identifiers (Calcite's default lex would say ABC).
    assertEquals("Abc", result.resultSets.get(0).signature.columns.get(0).label);
    assertEquals(List.of(List.of(1)), toLists(result.resultSets.get(0).firstFrame.rows));
  }

  @Test
  void noPropertiesAtAllIsFine() {
    meta.openConnection(new Meta.ConnectionHandle("c4"), null);
    assertTrue(meta.isOpen("c4"));
    meta.closeAllConnections();
    assertFalse(meta.isOpen("c4"));
  }

  private static List<Object> toLists(Iterable<Object> rows) {
    List<Object> out = new java.util.ArrayList<>();
    for (Object row : rows) {
      out.add(row instanceof Object[] array ? List.of(array) : row);
    }
    return out;
  }

  private static final Meta.PrepareCallback NO_CALLBACK = new Meta.PrepareCallback() {
    @Override
    public Object getMonitor() {
      return this;
    }

    @Override
    public void clear() {
    }

    @Override
    public void assign(Meta.Signature signature, Meta.Frame firstFrame, long updateCount) {
    }

    @Override
    public void execute() {
    }
  };
}
