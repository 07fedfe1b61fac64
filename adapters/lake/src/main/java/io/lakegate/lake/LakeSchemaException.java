package io.lakegate.lake;

/**
 * A problem with the lake itself (missing or unreadable files, a file that does not match the
 * declared schema, a partition directory whose value does not parse); the message names the
 * path, the column, what was expected, what was found and what to do.
 */
public class LakeSchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public LakeSchemaException(String message) {
    super(message);
  }

  public LakeSchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}
