package io.jets.dynamodb.local.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

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
final class WalCheckpoints {

    /** A log of more frames than this (8 MB of pages) is started again from its beginning at the next checkpoint. */
    static final int WAL_RESTART_FRAMES = 1024;

    private final SqliteConnections connections;
    private final GroupCommitWriter writer;

    WalCheckpoints(SqliteConnections connections, GroupCommitWriter writer) {
        this.connections = connections;
        this.writer = writer;
    }

    /** Copies what the log holds; when it has grown too long, the last frames too, with writers held back. */
    void checkpoint() {
        try {
            if (passiveCheckpoint() < WAL_RESTART_FRAMES) {
                return;
            }
            writer.lock();
            try {
                passiveCheckpoint();
            } finally {
                writer.unlockWrites();
            }
        } catch (SQLException e) {
            throw new StorageException("checkpoint failed: " + e.getMessage(), e);
        }
    }

    /** A PASSIVE checkpoint on a reader; how many frames the log holds. */
    private int passiveCheckpoint() throws SQLException {
        Connection connection = connections.borrowReader();
        try {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement();
                 java.sql.ResultSet result = statement.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                // one row: busy, frames in the log, frames copied
                return result.next() ? result.getInt(2) : 0;
            }
        } finally {
            connections.giveBack(connection);
        }
    }
}
