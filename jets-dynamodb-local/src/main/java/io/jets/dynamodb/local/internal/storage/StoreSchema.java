package io.jets.dynamodb.local.internal.storage;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The store's tables and indexes, created where missing when it opens, and the {@code user_version} that says
 * whether the secondary index entries are complete.
 */
final class StoreSchema {

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
        "CREATE TABLE IF NOT EXISTS resource_policies (table_id INTEGER NOT NULL, resource TEXT NOT NULL,"
                + " policy TEXT NOT NULL, revision TEXT NOT NULL, PRIMARY KEY (table_id, resource))",
        "CREATE TABLE IF NOT EXISTS contributor_insights (table_id INTEGER NOT NULL, index_name TEXT NOT NULL,"
                + " mode TEXT NOT NULL, created INTEGER NOT NULL, updated INTEGER NOT NULL,"
                + " PRIMARY KEY (table_id, index_name))",
        "CREATE TABLE IF NOT EXISTS kinesis_destinations (table_id INTEGER NOT NULL, stream_arn TEXT NOT NULL,"
                + " action TEXT NOT NULL, changed INTEGER NOT NULL, enabled INTEGER NOT NULL, precision TEXT,"
                + " failure TEXT, PRIMARY KEY (table_id, stream_arn))",
    };

    /**
     * The store's {@code user_version} once the secondary index entries are complete. Stores written before
     * entries were kept have version 0 and no {@code index_entries}: their entries are built when they open.
     */
    private static final int INDEX_ENTRIES_VERSION = 1;

    private StoreSchema() {
    }

    /** Creates what a new store lacks; an existing store keeps its tables and rows. */
    static void create(Statement statement) throws SQLException {
        for (String ddl : SCHEMA) {
            statement.execute(ddl);
        }
    }

    static boolean indexEntriesBuilt(Statement statement) throws SQLException {
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

    /** Records, inside the write transaction that built them, that every table's index entries exist. */
    static void markIndexEntriesBuilt(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("PRAGMA user_version = " + INDEX_ENTRIES_VERSION);
        }
    }
}
