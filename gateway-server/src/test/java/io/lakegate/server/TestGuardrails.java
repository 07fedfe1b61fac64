package io.lakegate.server;

import io.lakegate.catalog.ModelLoader;
import io.lakegate.guardrails.Guardrails;

import java.nio.file.Path;
import java.util.Map;

/** The guardrails of the repository's model.json, for tests that build a {@link LakegateMeta} themselves. */
final class TestGuardrails {
  private TestGuardrails() {
  }

  /** New guardrails with the repository's policy (its timer thread is a daemon; close them when done). */
  static Guardrails repositoryPolicy() {
    return Guardrails.of(ModelLoader.load(Path.of("..", "model.json"), Map.of()));
  }
}
