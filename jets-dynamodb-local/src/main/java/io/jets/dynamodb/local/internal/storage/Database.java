package io.jets.dynamodb.local.internal.storage;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

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
 */
public final class Database implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    public interface SqlWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS tables (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT NOT NULL UNIQUE,"
                + " definition TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS items (table_id INTEGER NOT NULL, hash BLOB NOT NULL, range BLOB NOT NULL,"
                + " item TEXT NOT NULL, size INTEGER NOT NULL, PRIMARY KEY (table_id, hash, range)) WITHOUT ROWID",
        "CREATE TABLE IF NOT EXISTS streams (arn TEXT PRIMARY KEY, table_name TEXT NOT NULL,"
                + " definition TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS shards (shard_id TEXT PRIMARY KEY, stream_arn TEXT NOT NULL, parent TEXT,"
                + " created INTEGER NOT NULL, start_seq INTEGER NOT NULL, end_seq INTEGER,"
                + " trimmed_seq INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS shards_by_stream ON shards (stream_arn, created)",
        "CREATE TABLE IF NOT EXISTS records (seq INTEGER PRIMARY KEY AUTOINCREMENT, shard_id TEXT NOT NULL,"
                + " created INTEGER NOT NULL, record TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS records_by_shard ON records (shard_id, seq)",
        "CREATE TABLE IF NOT EXISTS backups (id INTEGER PRIMARY KEY AUTOINCREMENT, arn TEXT NOT NULL UNIQUE,"
                + " created INTEGER NOT NULL, definition TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS item_history (seq INTEGER PRIMARY KEY AUTOINCREMENT,"
                + " table_id INTEGER NOT NULL, hash BLOB NOT NULL, range BLOB NOT NULL, changed INTEGER NOT NULL,"
                + " item TEXT, size INTEGER NOT NULL)",
        "CREATE INDEX IF NOT EXISTS item_history_by_key ON item_history (table_id, hash, range, changed)",
        "CREATE TABLE IF NOT EXISTS index_entries (table_id INTEGER NOT NULL, index_name TEXT NOT NULL,"
                + " hash BLOB NOT NULL, range BLOB NOT NULL, item_hash BLOB NOT NULL, item_range BLOB NOT NULL,"
                + " size INTEGER NOT NULL, PRIMARY KEY (table_id, index_name, hash, range, item_hash, item_range))"
                + " WITHOUT ROWID",
    };

    /** How many waiting writes one commit takes at most. */
    private static final int MAX_GROUP = 64;

    /** A log of more frames than this (8 MB of pages) is started again from its beginning at the next checkpoint. */
    static final int WAL_RESTART_FRAMES = 1024;

    /**
     * The store's {@code user_version} once the secondary index entries are complete. Stores written before
     * entries were kept have version 0 and no {@code index_entries}: their entries are built when they open.
     */
    private static final int INDEX_ENTRIES_VERSION = 1;

    /** Statements kept per connection: the fixed ones the stores use, plus room for per-request SQL. */
    private static final int STATEMENTS_PER_CONNECTION = 64;

    private final String url;
    private final Path temporaryDirectory;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Connection writer;
    // Pooled rather than one per thread: the HTTP front end serves each client connection on its own thread, so
    // per-thread readers would open a SQLite connection per client connection and keep it after the client left.
    private final Deque<Connection> idleReaders = new ConcurrentLinkedDeque<>();
    private final List<Connection> allReaders = new ArrayList<>();
    private final List<Runnable> commitActions = new ArrayList<>();
    private final java.util.Map<String, Object> transactionState = new java.util.HashMap<>();
    /** The writes waiting for a commit, in arrival order. */
    private final java.util.Queue<Task<?>> pending = new java.util.concurrent.ConcurrentLinkedQueue<>();
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
        this.url = url;
        this.temporaryDirectory = temporaryDirectory;
        try {
            this.writer = open();
            try (Statement statement = writer.createStatement()) {
                this.indexEntriesBuilt = indexEntriesBuilt(statement);
                for (String ddl : SCHEMA) {
                    statement.execute(ddl);
                }
            }
            writer.setAutoCommit(false);
        } catch (SQLException e) {
            deleteTemporaryDirectory();
            throw new StorageException("cannot open the store at " + url + ": " + e.getMessage(), e);
        }
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

    private Connection open() throws SQLException {
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
            statement.execute(temporaryDirectory == null ? "PRAGMA synchronous = NORMAL" : "PRAGMA synchronous = OFF");
            // checkpoints (the only fsyncs in WAL mode) run on the checkpointer, never on a writer
            statement.execute("PRAGMA wal_autocheckpoint = 0");
        }
        return StatementCache.wrap(connection, STATEMENTS_PER_CONNECTION);
    }

    private static boolean indexEntriesBuilt(Statement statement) throws SQLException {
        try (var version = statement.executeQuery("PRAGMA user_version")) {
            if (!version.next() || version.getInt(1) < INDEX_ENTRIES_VERSION) {
                return false;
            }
        }
        try (var entries = statement.executeQuery(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'index_entries'")) {
            return entries.next();
        }
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
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + INDEX_ENTRIES_VERSION);
        }
    }

    /**
     * Copies committed WAL pages into the database file; called periodically so that the WAL stays small while
     * writes never wait for an fsync.
     *
     * <p>A checkpoint beside writers cannot copy the frames they append meanwhile, and SQLite starts the WAL again
     * from its beginning only after a checkpoint that copied every frame: under a steady stream of writes the log
     * would grow without end (a gigabyte a minute at a few thousand puts a second), each write extending the file.
     * So the bulk is copied beside the writers, and when the log has grown past {@link #WAL_RESTART_FRAMES} the
     * frames appended meanwhile are copied with writers held back for that moment; the next write then starts
     * the log again.
     */
    public void checkpoint() {
        try {
            if (passiveCheckpoint() < WAL_RESTART_FRAMES) {
                return;
            }
            writeLock.lock();
            try {
                passiveCheckpoint();
            } finally {
                unlockWrites();
            }
        } catch (SQLException e) {
            throw new StorageException("checkpoint failed: " + e.getMessage(), e);
        }
    }

    /** A PASSIVE checkpoint on a reader; how many frames the log holds. */
    private int passiveCheckpoint() throws SQLException {
        Connection connection = borrowReader();
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 java.sql.ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                // one row: busy, frames in the log, frames copied
                return result.next() ? result.getInt(2) : 0;
            }
        } finally {
            idleReaders.offerFirst(connection);
        }
    }

    /**
     * Runs {@code work} in a write transaction; committed when it returns, rolled back when it throws. Writes that
     * arrive while another commits are committed together (each in a savepoint of its own, so that one that throws
     * is undone alone, in arrival order): one commit for several writes, as concurrent writers wait anyway. Each
     * caller hears back only after the commit that holds its write.
     */
    public <T> T write(SqlWork<T> work) {
        Task<T> task = new Task<>(work);
        if (writeLock.isHeldByCurrentThread()) {
            // a write from a commit action runs and commits on its own, as it always did
            List<Runnable> outer = List.copyOf(commitActions);
            commitActions.clear();
            try {
                runAlone(task);
            } finally {
                commitActions.addAll(outer);
            }
            return task.outcome();
        }
        pending.add(task);
        boolean interrupted = false;
        while (!task.done) {
            if (writeLock.tryLock()) {
                try {
                    while (!task.done) {
                        commitGroup();
                    }
                } finally {
                    unlockWrites();
                }
            } else {
                // the holder commits this write with its group and wakes us, or wakes us to lead the next group
                LockSupport.park(this);
                interrupted |= Thread.interrupted(); // a write in progress finishes; the interrupt is kept for later
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return task.outcome();
    }

    /**
     * Releases the write lock and wakes the first write still waiting, to lead the next commit. A write that found
     * the lock taken parked after joining {@link #pending}, so whoever held the lock then sees it here.
     */
    private void unlockWrites() {
        writeLock.unlock();
        Task<?> next = pending.peek();
        if (next != null) {
            LockSupport.unpark(next.thread);
        }
    }

    /** How many writes wait for the commit that will take them. */
    int waitingWrites() {
        return pending.size();
    }

    private static final class Task<T> {
        final SqlWork<T> work;
        final Thread thread = Thread.currentThread();
        T result;
        Throwable failure;
        List<Runnable> commitActions = List.of();
        volatile boolean done;

        Task(SqlWork<T> work) {
            this.work = work;
        }

        /** Marks the write finished and wakes its thread, when another thread committed it. */
        void finish() {
            done = true;
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }

        void run(Connection connection) throws SQLException {
            result = work.run(connection);
        }

        T outcome() {
            if (failure instanceof SQLException sql) {
                throw new StorageException("write failed: " + sql.getMessage(), sql);
            }
            if (failure instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (failure instanceof Error error) {
                throw error;
            }
            return result;
        }
    }

    /** Runs the waiting writes (up to {@link #MAX_GROUP}) in one transaction and commits it; holds the lock. */
    private void commitGroup() {
        List<Task<?>> group = new ArrayList<>();
        for (Task<?> task; group.size() < MAX_GROUP && (task = pending.poll()) != null; ) {
            group.add(task);
        }
        if (group.size() == 1) {
            runAlone(group.get(0));
            group.get(0).finish();
            return;
        }
        boolean anyDone = false;
        for (Task<?> task : group) {
            try {
                execute("SAVEPOINT jets_write");
                task.run(writer);
                execute("RELEASE jets_write");
                task.commitActions = List.copyOf(commitActions);
                anyDone = true;
            } catch (RuntimeException | SQLException | Error e) {
                task.failure = e;
                undoSavepoint();
            } finally {
                commitActions.clear();
                transactionState.clear();
            }
        }
        try {
            if (anyDone) {
                writer.commit();
            } else {
                writer.rollback();
            }
        } catch (SQLException e) {
            rollbackQuietly();
            for (Task<?> task : group) {
                if (task.failure == null) {
                    task.failure = e;
                }
            }
        }
        for (Task<?> task : group) {
            if (task.failure == null) {
                runCommitActions(task.commitActions);
            }
            task.finish();
        }
    }

    /** Runs one write in a transaction of its own, committed when it returns, rolled back when it throws. */
    private void runAlone(Task<?> task) {
        try {
            task.run(writer);
            writer.commit();
            List<Runnable> actions = List.copyOf(commitActions);
            commitActions.clear();
            runCommitActions(actions);
        } catch (RuntimeException | SQLException | Error e) {
            task.failure = e;
            rollbackQuietly();
        } finally {
            transactionState.clear();
        }
    }

    /** Undoes a failed write of a group: back to its savepoint, the others' changes kept. */
    private void undoSavepoint() {
        try {
            execute("ROLLBACK TO jets_write");
            execute("RELEASE jets_write");
        } catch (SQLException ignored) {
            // the write's own failure is the one worth reporting
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Whether the calling thread is inside {@link #write}. */
    public boolean inWriteTransaction() {
        return writeLock.isHeldByCurrentThread();
    }

    /**
     * What a store remembers for the rest of the current write transaction only (a batch of 25 puts reads the
     * stream's open shard once, not 25 times); forgotten when the transaction commits or rolls back.
     */
    public java.util.Map<String, Object> transactionState() {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("transactionState outside a write transaction");
        }
        return transactionState;
    }

    /** Runs {@code work} on a consistent snapshot of committed data. */
    public <T> T read(SqlWork<T> work) {
        try {
            Connection connection = borrowReader();
            try {
                connection.setAutoCommit(false);
                try {
                    return work.run(connection);
                } finally {
                    connection.rollback();
                }
            } finally {
                idleReaders.offerFirst(connection);
            }
        } catch (SQLException e) {
            throw new StorageException("read failed: " + e.getMessage(), e);
        }
    }

    /** An idle reader, or a new one when every reader is busy: as many as reads ever ran at once. */
    private Connection borrowReader() throws SQLException {
        Connection connection = idleReaders.pollFirst();
        if (connection == null) {
            connection = open();
            synchronized (allReaders) {
                allReaders.add(connection);
            }
        }
        return connection;
    }

    /**
     * Runs {@code action} right after the current write transaction commits (in commit order, still holding the
     * write lock), and never if it rolls back: how in-memory caches and stream listeners follow the store.
     */
    public void onCommit(Runnable action) {
        if (!writeLock.isHeldByCurrentThread()) {
            throw new IllegalStateException("onCommit outside a write transaction");
        }
        commitActions.add(action);
    }

    private void runCommitActions(List<Runnable> actions) {
        for (Runnable action : actions) {
            try {
                action.run();
            } catch (RuntimeException e) {
                // a failing listener must not fail a write that is already committed
                System.err.println("jets-dynamodb-local: commit listener failed: " + e);
            }
        }
    }

    private void rollbackQuietly() {
        commitActions.clear();
        try {
            writer.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting
        }
    }

    @Override
    public void close() {
        writeLock.lock();
        try {
            synchronized (allReaders) {
                for (Connection connection : allReaders) {
                    closeQuietly(connection);
                }
                allReaders.clear();
                idleReaders.clear();
            }
            closeQuietly(writer);
            deleteTemporaryDirectory();
        } finally {
            unlockWrites();
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

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing on shutdown: nothing left to do with the error
        }
    }
}
