package io.jets.dynamodb.local.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {

    @Test
    void inMemory_keepsItsFilesInATemporaryDirectory_andDeletesThemOnClose() {
        Database database = Database.inMemory();
        Path directory = database.temporaryDirectory();
        database.write(connection -> insertTable(connection, "t1"));

        assertThat(directory.resolve("dynamodb.sqlite")).exists();
        database.close();

        assertThat(directory).doesNotExist();
    }

    @Test
    void inMemory_removesDirectoriesLeftByKilledServers_andKeepsThoseOfLiveOnes() throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        Path abandoned = java.nio.file.Files.createTempDirectory(tmp,
                Database.TEMPORARY_PREFIX + finished.pid() + "-");
        java.nio.file.Files.writeString(abandoned.resolve("dynamodb.sqlite"), "left behind by kill -9");
        Path live = java.nio.file.Files.createTempDirectory(tmp,
                Database.TEMPORARY_PREFIX + ProcessHandle.current().pid() + "-");
        try {
            Database.inMemory().close();

            assertThat(abandoned).doesNotExist();
            assertThat(live).exists();
        } finally {
            java.nio.file.Files.deleteIfExists(live);
        }
    }

    @Test
    void inMemory_readsRunBesideEachOther_onSeparateConnections() throws Exception {
        try (Database database = Database.inMemory()) {
            database.write(connection -> insertTable(connection, "t1"));
            CountDownLatch bothReading = new CountDownLatch(2);
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<String>> reads = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    // each read waits inside its transaction until the other has started: with one shared
                    // connection the second could never start and both would time out
                    reads.add(pool.submit(() -> database.read(connection -> {
                        bothReading.countDown();
                        boolean together = awaitQuietly(bothReading);
                        return together ? tableName(connection) : "alone";
                    })));
                }
                for (Future<String> read : reads) {
                    assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("t1");
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void file_keepsItsData_acrossReopening(@TempDir Path directory) {
        try (Database database = Database.file(directory)) {
            database.write(connection -> insertTable(connection, "kept"));
            assertThat(database.temporaryDirectory()).isNull();
        }
        try (Database database = Database.file(directory)) {
            assertThat(database.read(DatabaseTest::tableName)).isEqualTo("kept");
        }
        assertThat(Files.exists(directory.resolve("dynamodb.sqlite"))).isTrue();
    }

    @Test
    void file_startsItsLogAgain_underAStreamOfWrites(@TempDir Path directory) throws Exception {
        long pageBytes = 8192;
        int rowsToWrite = 16_384; // each fills a page of its own: well over 128 MB of log in all
        int rowsPerCheckpoint = 500;
        String definition = "x".repeat((int) pageBytes - 200);
        try (Database database = Database.file(directory)) {
            // the writer never gets more than two checkpoints' worth of rows ahead, however the threads are scheduled
            java.util.concurrent.Semaphore allowed = new java.util.concurrent.Semaphore(2 * rowsPerCheckpoint);
            java.util.concurrent.atomic.AtomicLong written = new java.util.concurrent.atomic.AtomicLong();
            ExecutorService writer = Executors.newSingleThreadExecutor();
            try {
                Future<?> writes = writer.submit(() -> {
                    for (int n = 0; n < rowsToWrite; n++) {
                        allowed.acquireUninterruptibly();
                        String name = "t" + n;
                        database.write(connection -> {
                            try (PreparedStatement insert = connection.prepareStatement(
                                    "INSERT INTO tables (name, definition) VALUES (?, ?)")) {
                                insert.setString(1, name);
                                insert.setString(2, definition);
                                insert.executeUpdate();
                            }
                            return null;
                        });
                        written.incrementAndGet();
                    }
                });
                long checkpointed = 0;
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while (!writes.isDone() && System.nanoTime() < deadline) {
                    if (written.get() - checkpointed >= rowsPerCheckpoint) {
                        // writes go on during the checkpoint: a checkpoint beside them alone never restarts the log
                        checkpointed = written.get();
                        database.checkpoint();
                        allowed.release(rowsPerCheckpoint);
                    } else {
                        Thread.sleep(1);
                    }
                }
                writes.get(1, TimeUnit.SECONDS);
            } finally {
                writer.shutdownNow();
            }

            // without restarts the log would hold every row's page
            assertThat(Files.size(directory.resolve("dynamodb.sqlite-wal"))).isLessThan(48L * 1024 * 1024);
            long rows = database.read(connection -> {
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM tables");
                     ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getLong(1);
                }
            });
            assertThat(rows).isEqualTo(rowsToWrite);
        }
    }

    @Test
    void writesThatArriveTogether_commitTogether_andEachFailingOneIsUndoneAlone() throws Exception {
        try (Database database = Database.inMemory()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            List<String> committed = java.util.Collections.synchronizedList(new ArrayList<>());
            ExecutorService pool = Executors.newFixedThreadPool(9);
            try {
                Future<Object> first = pool.submit(() -> database.write(connection -> {
                    insertTable(connection, "first");
                    holding.countDown();
                    return awaitQuietly(release) ? null : "timed out";
                }));
                assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
                List<Future<String>> writes = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    String name = "t" + i;
                    boolean refused = i % 3 == 1;
                    boolean duplicate = i == 5;
                    writes.add(pool.submit(() -> database.write(connection -> {
                        insertTable(connection, name);
                        database.onCommit(() -> committed.add(name));
                        if (duplicate) {
                            insertTable(connection, "first"); // the name is UNIQUE: the store refuses it
                        }
                        if (refused) {
                            throw new IllegalStateException("refused " + name);
                        }
                        return name;
                    })));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (database.waitingWrites() < 8 && System.nanoTime() < deadline) {
                    Thread.sleep(1);
                }
                assertThat(database.waitingWrites()).isEqualTo(8); // one commit will take all eight
                release.countDown();
                assertThat(first.get(10, TimeUnit.SECONDS)).isNull();

                for (int i = 0; i < 8; i++) {
                    Future<String> write = writes.get(i);
                    if (i % 3 == 1) {
                        assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS))
                                .hasCauseInstanceOf(IllegalStateException.class).hasMessageContaining("refused t" + i);
                    } else if (i == 5) {
                        assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS))
                                .hasCauseInstanceOf(StorageException.class);
                    } else {
                        assertThat(write.get(10, TimeUnit.SECONDS)).isEqualTo("t" + i);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            List<String> stored = database.read(connection -> {
                List<String> names = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement("SELECT name FROM tables ORDER BY id");
                     ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        names.add(rows.getString(1));
                    }
                }
                return names;
            });
            // the refused writes left nothing behind, not even their first insert, and the others are all there
            assertThat(stored).containsExactlyInAnyOrder("first", "t0", "t2", "t3", "t6");
            // commit actions ran for the stored writes only, in the order they were applied
            assertThat(committed).containsExactlyElementsOf(stored.subList(1, stored.size()));
        }
    }

    @Test
    void writeWaitingForAnother_whenInterrupted_stillCommits_andKeepsTheInterrupt() throws Exception {
        try (Database database = Database.inMemory()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread first = new Thread(() -> database.write(connection -> {
                insertTable(connection, "first");
                holding.countDown();
                return awaitQuietly(release);
            }));
            first.start();
            assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Object> outcome = new AtomicReference<>();
            Thread waiting = new Thread(() -> {
                String written = database.write(connection -> {
                    insertTable(connection, "second");
                    return "second";
                });
                outcome.set(Thread.currentThread().isInterrupted() ? written + " (interrupted)" : written);
            });
            waiting.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (database.waitingWrites() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            waiting.interrupt();
            Thread.sleep(50); // an interrupted waiter that spun or gave up would show here
            release.countDown();
            first.join(10_000);
            waiting.join(10_000);

            assertThat(outcome.get()).isEqualTo("second (interrupted)");
            Integer tables = database.read(connection -> {
                try (PreparedStatement select = connection.prepareStatement("SELECT count(*) FROM tables");
                     ResultSet rows = select.executeQuery()) {
                    return rows.next() ? rows.getInt(1) : -1;
                }
            });
            assertThat(tables).isEqualTo(2);
        }
    }

    @Test
    void writeFromACommitAction_commitsOnItsOwn() {
        try (Database database = Database.inMemory()) {
            database.write(connection -> {
                insertTable(connection, "outer");
                database.onCommit(() -> database.write(inner -> insertTable(inner, "from-commit-action")));
                return null;
            });

            int rows = database.read(connection -> {
                try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*) FROM tables");
                     ResultSet result = count.executeQuery()) {
                    result.next();
                    return result.getInt(1);
                }
            });
            assertThat(rows).isEqualTo(2);
        }
    }

    @Test
    void reusedStatement_bindsFreshParameters_andAResultSetLeftOpenDoesNotPinOldData() {
        try (Database database = Database.inMemory()) {
            database.write(connection -> insertTable(connection, "a"));
            for (int i = 0; i < 3; i++) {
                String name = "n" + i;
                database.write(connection -> insertTable(connection, name));
                // the caller leaves the result set open; the reused statement must still see the new row
                String found = database.read(connection -> {
                    try (PreparedStatement select = connection.prepareStatement(
                            "SELECT name FROM tables WHERE name = ?")) {
                        select.setString(1, name);
                        ResultSet rows = select.executeQuery();
                        return rows.next() ? rows.getString(1) : null;
                    }
                });
                assertThat(found).isEqualTo(name);
            }
        }
    }

    private static Object insertTable(java.sql.Connection connection, String name) throws java.sql.SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tables (name, definition) VALUES (?, '{}')")) {
            insert.setString(1, name);
            insert.executeUpdate();
        }
        return null;
    }

    private static String tableName(java.sql.Connection connection) throws java.sql.SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT name FROM tables ORDER BY id LIMIT 1");
             ResultSet rows = select.executeQuery()) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    private static boolean awaitQuietly(CountDownLatch latch) {
        try {
            return latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
