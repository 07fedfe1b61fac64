package io.lakegate.generator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/**
 * Test helper: a small parquet file read into memory once. parquet's {@code LocalInputFile}
 * reads unbuffered (a system call per byte of the footer), which made reading the thousands of
 * tiny files of a test lake take most of the test time.
 */
final class BytesInputFile implements InputFile {
  private final byte[] bytes;

  BytesInputFile(Path file) throws IOException {
    this.bytes = Files.readAllBytes(file);
  }

  @Override
  public long getLength() {
    return bytes.length;
  }

  @Override
  public SeekableInputStream newStream() {
    Positioned in = new Positioned(bytes);
    return new DelegatingSeekableInputStream(in) {
      @Override
      public long getPos() {
        return in.position();
      }

      @Override
      public void seek(long newPos) {
        in.seek(newPos);
      }
    };
  }

  /** A byte-array stream whose position can be read and set. */
  private static final class Positioned extends ByteArrayInputStream {
    Positioned(byte[] bytes) {
      super(bytes);
    }

    long position() {
      return pos;
    }

    void seek(long position) {
      if (position < 0 || position > count) {
        throw new IllegalArgumentException("seek to " + position + " outside 0.." + count);
      }
      pos = (int) position;
    }
  }
}
