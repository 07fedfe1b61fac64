package io.lakegate.testing.clickhouse;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * JNA binding of the part of chDB's C API ({@code chdb.h}, chDB 26.5) that the engine uses.
 *
 * <p>A {@code chdb_connection *} (what {@link #chdb_connect} returns and {@link #chdb_close_conn}
 * takes) is a pointer to the {@code chdb_connection} handle that the query functions take. The
 * {@code long} length and count parameters are C {@code size_t}: the library exists only for
 * x86-64 Linux, where both are 64 bits wide.
 */
interface ChdbLibrary extends Library {

    /** Opens a session; the first call boots the engine with the given clickhouse-local arguments. */
    Pointer chdb_connect(int argc, String[] argv);

    void chdb_close_conn(Pointer connectionRef);

    Pointer chdb_query_n(Pointer connection, byte[] query, long queryLength, byte[] format, long formatLength);

    /** Binds {@code {name:Type}} placeholders server-side, as the HTTP {@code param_<name>} parameters do. */
    Pointer chdb_query_with_params(Pointer connection, String query, String format,
            String[] names, String[] values, long count);

    Pointer chdb_result_buffer(Pointer result);

    long chdb_result_length(Pointer result);

    double chdb_result_elapsed(Pointer result);

    /** Rows in the result set. */
    long chdb_result_rows_read(Pointer result);

    /** Bytes of the result set. */
    long chdb_result_bytes_read(Pointer result);

    long chdb_result_storage_rows_read(Pointer result);

    long chdb_result_storage_bytes_read(Pointer result);

    long chdb_result_rows_written(Pointer result);

    long chdb_result_bytes_written(Pointer result);

    /** Null when the query succeeded; otherwise ClickHouse's own exception text. */
    Pointer chdb_result_error(Pointer result);

    void chdb_destroy_query_result(Pointer result);
}
