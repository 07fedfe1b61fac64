package io.lakegate.testing.clickhouse;

import static java.util.Objects.requireNonNull;

import com.clickhouse.data.ClickHouseCityHash;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import net.jpountz.lz4.LZ4Compressor;
import net.jpountz.lz4.LZ4Exception;
import net.jpountz.lz4.LZ4Factory;
import net.jpountz.lz4.LZ4FastDecompressor;

/**
 * ClickHouse's native compressed block framing, used by the HTTP {@code compress=1} (responses) and
 * {@code decompress=1} (request bodies) parameters.
 *
 * <p>A block is a 16-byte CityHash128 (ClickHouse's v1.0.2 variant) of everything after it, a method
 * byte ({@code 0x82} LZ4, {@code 0x02} none), the block size including this 9-byte header and the
 * uncompressed size (both little-endian int32), then the data. Responses are cut into 1 MiB blocks as
 * ClickHouse's {@code CompressedWriteBuffer} does; ClickHouse's checksums of its own MergeTree files
 * pin the hash variant in the tests.
 *
 * <p>The hash is clickhouse-data's {@code ClickHouseCityHash}: deprecated there, but it is the very
 * class clickhouse-jdbc 0.11 verifies these checksums with ({@code ClickHouseLZ4InputStream}), so it
 * stays available as long as the driver can read what this class writes.
 */
@SuppressWarnings("deprecation")
final class NativeCompression {

    static final int CHECKSUM_SIZE = 16;
    static final int HEADER_SIZE = 9;
    static final byte METHOD_NONE = 0x02;
    static final byte METHOD_LZ4 = (byte) 0x82;
    /** DBMS_DEFAULT_BUFFER_SIZE: the uncompressed size of every block but the last. */
    static final int BLOCK_SIZE = 1 << 20;

    private static final LZ4Factory LZ4 = LZ4Factory.fastestInstance();

    private NativeCompression() {
    }

    /** Frames {@code data} as LZ4 blocks; empty data gives no block at all, like ClickHouse. */
    static byte[] compress(byte[] data) {
        requireNonNull(data, "data");
        LZ4Compressor compressor = LZ4.fastCompressor();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length / 2 + 64);
        for (int offset = 0; offset < data.length; offset += BLOCK_SIZE) {
            int length = Math.min(BLOCK_SIZE, data.length - offset);
            byte[] block = new byte[CHECKSUM_SIZE + HEADER_SIZE + compressor.maxCompressedLength(length)];
            int compressed = compressor.compress(data, offset, length, block, CHECKSUM_SIZE + HEADER_SIZE);
            int blockSize = HEADER_SIZE + compressed;
            block[CHECKSUM_SIZE] = METHOD_LZ4;
            putInt32(block, CHECKSUM_SIZE + 1, blockSize);
            putInt32(block, CHECKSUM_SIZE + 5, length);
            long[] checksum = ClickHouseCityHash.cityHash128(block, CHECKSUM_SIZE, blockSize);
            putInt64(block, 0, checksum[0]);
            putInt64(block, 8, checksum[1]);
            out.write(block, 0, CHECKSUM_SIZE + blockSize);
        }
        return out.toByteArray();
    }

    /** Reads framed blocks until the end of {@code in}, verifying every checksum. */
    static byte[] decompress(InputStream in) throws IOException, ClickHouseException {
        requireNonNull(in, "in");
        DataInputStream data = new DataInputStream(in);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] head = new byte[CHECKSUM_SIZE + HEADER_SIZE];
        while (readBlockHead(data, head)) {
            int blockSize = getInt32(head, CHECKSUM_SIZE + 1);
            int uncompressedSize = getInt32(head, CHECKSUM_SIZE + 5);
            if (blockSize < HEADER_SIZE || uncompressedSize < 0) {
                throw corrupt("block sizes " + blockSize + "/" + uncompressedSize + " are invalid");
            }
            byte[] block = new byte[blockSize];
            System.arraycopy(head, CHECKSUM_SIZE, block, 0, HEADER_SIZE);
            data.readFully(block, HEADER_SIZE, blockSize - HEADER_SIZE);
            long[] checksum = ClickHouseCityHash.cityHash128(block, 0, blockSize);
            if (checksum[0] != getInt64(head, 0) || checksum[1] != getInt64(head, 8)) {
                throw new ClickHouseException(ClickHouseError.of(ClickHouseError.CHECKSUM_DOESNT_MATCH,
                        "CHECKSUM_DOESNT_MATCH", "Checksum doesn't match: corrupted data"));
            }
            out.write(uncompress(block, uncompressedSize));
        }
        return out.toByteArray();
    }

    private static byte[] uncompress(byte[] block, int uncompressedSize) throws ClickHouseException {
        byte method = block[0];
        if (method == METHOD_NONE) {
            byte[] plain = new byte[block.length - HEADER_SIZE];
            System.arraycopy(block, HEADER_SIZE, plain, 0, plain.length);
            return plain;
        }
        if (method != METHOD_LZ4) {
            throw new ClickHouseException(ClickHouseError.of(ClickHouseError.UNKNOWN_COMPRESSION_METHOD,
                    "UNKNOWN_COMPRESSION_METHOD", String.format("Unknown compression method: 0x%02x "
                            + "(the test engine reads LZ4 and uncompressed blocks only)", method & 0xff)));
        }
        LZ4FastDecompressor decompressor = LZ4.fastDecompressor();
        byte[] plain = new byte[uncompressedSize];
        try {
            decompressor.decompress(block, HEADER_SIZE, plain, 0, uncompressedSize);
        } catch (LZ4Exception e) {
            throw corrupt("LZ4 block cannot be decompressed: " + e.getMessage());
        }
        return plain;
    }

    private static boolean readBlockHead(DataInputStream in, byte[] head) throws IOException, ClickHouseException {
        int first = in.read();
        if (first < 0) {
            return false;
        }
        head[0] = (byte) first;
        try {
            in.readFully(head, 1, head.length - 1);
        } catch (EOFException e) {
            throw corrupt("the request body ends inside a block header");
        }
        return true;
    }

    private static ClickHouseException corrupt(String message) {
        return new ClickHouseException(ClickHouseError.of(ClickHouseError.CANNOT_DECOMPRESS, "CANNOT_DECOMPRESS", message));
    }

    static void putInt32(byte[] bytes, int offset, int value) {
        for (int i = 0; i < 4; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    static void putInt64(byte[] bytes, int offset, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }

    static int getInt32(byte[] bytes, int offset) {
        int value = 0;
        for (int i = 3; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xff);
        }
        return value;
    }

    static long getInt64(byte[] bytes, int offset) {
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = (value << 8) | (bytes[offset + i] & 0xffL);
        }
        return value;
    }
}
