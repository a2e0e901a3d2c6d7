package io.jets.dynamodb.local.internal.storage;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Opens the store's SQLite connections with the settings every one of them needs (WAL, page size, how long to
 * wait for a lock, no automatic checkpoints) and pools the readers.
 */
final class SqliteConnections {

    /** Statements kept per connection: the fixed ones the stores use, plus room for per-request SQL. */
    private static final int STATEMENTS_PER_CONNECTION = 64;

    private final String url;
    private final boolean durable;
    // Pooled rather than one per thread: the HTTP front end serves each client connection on its own thread, so
    // per-thread readers would open a SQLite connection per client connection and keep it after the client left.
    private final Deque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private final List<Connection> allReaders = new ArrayList<>();

    /** {@code durable}: false for an in-memory store, which outlives nothing and so never waits for the disk. */
    SqliteConnections(String url, boolean durable) {
        this.url = url;
        this.durable = durable;
    }

    /** A new connection with the store's settings, keeping its prepared statements for reuse. */
    Connection open() throws SQLException {
        Properties properties = new Properties();
        // Left on, the driver follows every INSERT with a query for the row id it generated: a tenth of a
        // BatchWriteItem's time. The two inserts that need their id ask with RETURNING.
        properties.setProperty("jdbc.get_generated_keys", "false");
        Connection connection = DriverManager.getConnection(url, properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA busy_timeout = 10000");
            // Items live in a WITHOUT ROWID table, whose rows stay on their page only up to about a quarter of it:
            // with SQLite's default 4 KB pages every item over ~1 KB spilled to an overflow page, one more page to
            // read per item of a Query and to write per put. 8 KB pages keep items up to ~2 KB inline (16 KB pages
            // measured slower: each commit writes whole pages to the log). Only a new database takes the size.
            statement.execute("PRAGMA page_size = 8192");
            statement.execute("PRAGMA journal_mode = WAL");
            // an in-memory store promises nothing after exit, so it never waits for the disk
            statement.execute(durable ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = OFF");
            // checkpoints (the only fsyncs in WAL mode) run on the checkpointer, never on a writer
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
        return StatementCache.wrap(connection, STATEMENTS_PER_CONNECTION);
    }

    /** An idle reader, or a new one when every reader is busy: as many as reads ever ran at once. */
    Connection borrowReader() throws SQLException {
        Connection connection = idleReaders.pollFirst();
        if (connection == null) {
            connection = open();
            synchronized (allReaders) {
                allReaders.add(connection);
            }
        }
        return connection;
    }

    /** Takes back a reader {@link #borrowReader} lent, for the next read to use first. */
    void giveBack(Connection connection) {
        idleReaders.offerFirst(connection);
    }

    /** Closes every reader, lent or idle, on shutdown. */
    void closeReaders() {
        synchronized (allReaders) {
            for (Connection connection : allReaders) {
                closeQuietly(connection);
            }
            allReaders.clear();
            idleReaders.clear();
        }
    }

    static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown: nothing left to do with the error
        }
    }
}
