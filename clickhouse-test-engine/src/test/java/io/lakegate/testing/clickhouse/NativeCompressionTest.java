package io.lakegate.testing.clickhouse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compressed block framing on its own; its agreement with ClickHouse is in ClickHouseHttpInterfaceTest. */
class NativeCompressionTest {

    @Test
    void roundTripsDataSpanningSeveralBlocks() throws Exception {
        byte[] data = new byte[NativeCompression.BLOCK_SIZE * 2 + 12345];
        new Random(7).nextBytes(data);
        byte[] framed = NativeCompression.compress(data);
        assertEquals(NativeCompression.METHOD_LZ4, framed[NativeCompression.CHECKSUM_SIZE]);
        assertEquals(NativeCompression.BLOCK_SIZE, NativeCompression.getInt32(framed, NativeCompression.CHECKSUM_SIZE + 5),
                "the first block holds exactly 1 MiB");
        assertArrayEquals(data, NativeCompression.decompress(new ByteArrayInputStream(framed)));
    }

    @Test
    void emptyDataHasNoBlock() throws Exception {
        assertEquals(0, NativeCompression.compress(new byte[0]).length);
        assertEquals(0, NativeCompression.decompress(new ByteArrayInputStream(new byte[0])).length);
    }

    @Test
    void aFlippedBitFailsTheChecksum() {
        byte[] framed = NativeCompression.compress("SELECT 1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        framed[framed.length - 1] ^= 1;
        ClickHouseException error = assertThrows(ClickHouseException.class,
                () -> NativeCompression.decompress(new ByteArrayInputStream(framed)));
        assertEquals(ClickHouseError.CHECKSUM_DOESNT_MATCH, error.error().code());
    }

    @Test
    void aTruncatedHeaderIsReported() {
        byte[] framed = NativeCompression.compress(new byte[100]);
        byte[] truncated = java.util.Arrays.copyOf(framed, 20);
        ClickHouseException error = assertThrows(ClickHouseException.class,
                () -> NativeCompression.decompress(new ByteArrayInputStream(truncated)));
        assertEquals(ClickHouseError.CANNOT_DECOMPRESS, error.error().code());
    }
}
