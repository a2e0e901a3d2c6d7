package io.jets.dynamodb.local.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

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
