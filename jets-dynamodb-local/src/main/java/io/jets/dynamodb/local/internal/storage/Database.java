package io.jets.dynamodb.local.internal.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The SQLite store: one writer connection behind a lock (so stream sequence numbers follow commit order) and a
 * pool of reader connections reading committed WAL snapshots concurrently.
 *
 * <p>A write is acknowledged only after its transaction commits. With WAL and {@code synchronous=NORMAL} a
 * commit is in the OS before the client hears back, so it survives the server process being killed.
 *
 * <p>An in-memory store is a database file in a fresh temporary directory, deleted on {@link #close()}, with
 * {@code synchronous=OFF}: nothing outlives the server, and reads still run on pooled readers beside the
 * writer (a SQLite {@code mode=memory} database would serve every read and write through one connection).
 *
 * <p>The parts: {@link SqliteConnections} opens connections and pools the readers, {@link StoreSchema} creates the
 * tables, {@link GroupCommitWriter} commits the writes and {@link WalCheckpoints} keeps the log short.
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private final Path temporaryDirectory;
    private final SqliteConnections connections;
    private final GroupCommitWriter writer;
    private final WalCheckpoints checkpoints;
    private final boolean indexEntriesBuilt;

    static final String TEMPORARY_PREFIX = "jets-dynamodb-";
    private static final java.util.regex.Pattern TEMPORARY_NAME =
            java.util.regex.Pattern.compile(TEMPORARY_PREFIX + "(\\d+)-.*");

    /** Deletes in-memory stores' directories whose process is gone (killed, so never closed). */
    static void removeAbandonedTemporaryDirectories() throws java.io.IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        try (var entries = Files.newDirectoryStream(tmp, TEMPORARY_PREFIX + "*")) {
            for (Path entry : entries) {
                var name = TEMPORARY_NAME.matcher(entry.getFileName().toString());
                if (name.matches() && Files.isDirectory(entry)
                        && ProcessHandle.of(Long.parseLong(name.group(1))).map(p -> !p.isAlive()).orElse(true)) {
                    deleteTree(entry);
                }
            }
        } catch (NumberFormatException | java.io.UncheckedIOException e) {
            // a directory that is not ours or vanished meanwhile: leave it
        }
    }

    private static void deleteTree(Path directory) throws java.io.IOException {
        try (var paths = Files.walk(directory)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private Database(String url, Path temporaryDirectory) {
        this.temporaryDirectory = temporaryDirectory;
        this.connections = new SqliteConnections(url, temporaryDirectory == null);
        try {
            Connection connection = connections.open();
            try (Statement statement = connection.createStatement()) {
                this.indexEntriesBuilt = StoreSchema.indexEntriesBuilt(statement);
                StoreSchema.create(statement);
            }
            connection.setAutoCommit(false);
            this.writer = new GroupCommitWriter(connection);
        } catch (SQLException e) {
            deleteTemporaryDirectory();
            throw new StorageException("cannot open the store at " + url + ": " + e.getMessage(), e);
        }
        this.checkpoints = new WalCheckpoints(connections, writer);
    }

    /** A durable store in {@code <directory>/dynamodb.sqlite}, creating the directory if needed. */
    public static Database file(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create the data directory " + directory + ": " + e.getMessage(), e);
        }
        return new Database("jdbc:sqlite:" + directory.resolve("dynamodb.sqlite").toAbsolutePath(), null);
    }

    /**
     * A store kept for the life of this object only: its files live in a temporary directory deleted on close. The
     * directory's name carries the process id, so that directories left by servers that were killed before they
     * could close are recognised and removed by the next one.
     */
    public static Database inMemory() {
        Path directory;
        try {
            removeAbandonedTemporaryDirectories();
            directory = Files.createTempDirectory(TEMPORARY_PREFIX + ProcessHandle.current().pid() + "-");
        } catch (java.io.IOException e) {
            throw new StorageException("cannot create a temporary directory for the in-memory store: "
                    + e.getMessage() + ". Set java.io.tmpdir to a writable directory.", e);
        }
        return new Database("jdbc:sqlite:" + directory.resolve("dynamodb.sqlite").toAbsolutePath(), directory);
    }

    /**
     * Whether the secondary index entries were complete when the store opened: false for a new store and for one
     * written before entries were kept, whose tables need their entries built ({@link #markIndexEntriesBuilt}).
     */
    public boolean indexEntriesBuilt() {
        return indexEntriesBuilt;
    }

    /** Records, inside the write transaction that built them, that every table's index entries exist. */
    public void markIndexEntriesBuilt(Connection connection) throws SQLException {
        StoreSchema.markIndexEntriesBuilt(connection);
    }

    /**
     * Copies committed WAL pages into the database file; called periodically so that the WAL stays small while
     * writes never wait for an fsync ({@link WalCheckpoints} says how the log is kept from growing without end).
     */
    public void checkpoint() {
        checkpoints.checkpoint();
    }

    /**
     * Runs {@code work} in a write transaction; committed when it returns, rolled back when it throws. Writes that
     * arrive while another commits are committed together (each in a savepoint of its own, so that one that throws
     * is undone alone, in arrival order): one commit for several writes, as concurrent writers wait anyway. Each
     * caller hears back only after the commit that holds its write.
     */
    public <T> T write(SqlWork<T> work) {
        return writer.write(work);
    }

    /** How many writes wait for the commit that will take them. */
    int waitingWrites() {
        return writer.waitingWrites();
    }

    /** Whether the calling thread is inside {@link #write}. */
    public boolean inWriteTransaction() {
        return writer.inWriteTransaction();
    }

    /**
     * What a store remembers for the rest of the current write transaction only (a batch of 25 puts reads the
     * stream's open shard once, not 25 times); forgotten when the transaction commits or rolls back.
     */
    public java.util.Map<String, Object> transactionState() {
        return writer.transactionState();
    }

    /** Runs {@code work} on a consistent snapshot of committed data. */
    public <T> T read(SqlWork<T> work) {
        return onReader(false, work);
    }

    /**
     * {@link #read} for work that runs one statement: SQLite reads a statement from one snapshot on its own, so the
     * reader stays in auto-commit mode and skips the driver's {@code rollback; begin;} after every read.
     */
    public <T> T readStatement(SqlWork<T> work) {
        return onReader(true, work);
    }

    /** Runs {@code work} on a pooled reader, in a transaction rolled back afterwards unless in auto-commit mode. */
    private <T> T onReader(boolean autoCommit, SqlWork<T> work) {
        try {
            Connection connection = connections.borrowReader();
            try {
                connection.setAutoCommit(autoCommit);
                try {
                    return work.run(connection);
                } finally {
                    if (!autoCommit) {
                        connection.rollback();
                    }
                }
            } finally {
                connections.giveBack(connection);
            }
        } catch (SQLException e) {
            throw new StorageException("read failed: " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code action} right after the current write transaction commits (in commit order, still holding the
     * write lock), and never if it rolls back: how in-memory caches and stream listeners follow the store.
     */
    public void onCommit(Runnable action) {
        writer.onCommit(action);
    }

    @Override
    public void close() {
        writer.lock();
        try {
            connections.closeReaders();
            SqliteConnections.closeQuietly(writer.connection());
            deleteTemporaryDirectory();
        } finally {
            writer.unlockWrites();
        }
    }

    /** Where an in-memory store keeps its files while open; null for a durable store. */
    Path temporaryDirectory() {
        return temporaryDirectory;
    }

    private void deleteTemporaryDirectory() {
        if (temporaryDirectory == null || !Files.exists(temporaryDirectory)) {
            return;
        }
        try {
            deleteTree(temporaryDirectory);
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            System.err.println("jets-dynamodb-local: cannot delete the in-memory store's files in "
                    + temporaryDirectory + ": " + e.getMessage());
        }
    }
}
