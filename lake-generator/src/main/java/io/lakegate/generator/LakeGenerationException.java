package io.lakegate.generator;

/** A lake cannot be generated as asked; the message names the problem and what to do. */
public final class LakeGenerationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LakeGenerationException(String message) {
    super(message);
  }

  public LakeGenerationException(String message, Throwable cause) {
    super(message, cause);
  }
}
