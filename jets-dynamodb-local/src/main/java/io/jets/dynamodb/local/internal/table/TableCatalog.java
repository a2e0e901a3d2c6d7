package io.jets.dynamodb.local.internal.table;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tables of the server: persisted in the {@code tables} row of each table and cached in memory, the cache
 * following the store only after a commit.
 */
public final class TableCatalog {

    private final Database database;
    private final Map<String, TableDefinition> tables = new ConcurrentHashMap<>();
    private final IndexEntries indexes = new IndexEntries();

    public TableCatalog(Database database) {
        this.database = database;
        database.read(connection -> {
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT id, definition FROM tables")) {
                while (rows.next()) {
                    TableDefinition table = parse(rows.getString(2)).withId(rows.getLong(1));
                    tables.put(table.name(), table);
                }
            }
            return null;
        });
        if (!database.indexEntriesBuilt()) {
            // a store written before index entries were kept: its indexes are read from them from now on
            database.write(connection -> {
                for (TableDefinition table : tables.values()) {
                    indexes.build(connection, table);
                }
                database.markIndexEntriesBuilt(connection);
                return null;
            });
        }
    }

    /** The table, or null. */
    public TableDefinition find(String name) {
        return name == null ? null : tables.get(name);
    }

    /** The table, or the ResourceNotFoundException data-plane operations answer. */
    public TableDefinition require(String name) {
        TableDefinition table = find(name);
        if (table == null) {
            throw ApiException.resourceNotFound("Requested resource not found");
        }
        return table;
    }

    /** The table, or the ResourceNotFoundException control-plane operations answer, naming the table. */
    public TableDefinition requireNamed(String name) {
        TableDefinition table = find(name);
        if (table == null) {
            throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    /** All table names in DynamoDB's ListTables order (ascending). */
    public List<String> names() {
        return tables.keySet().stream().sorted().toList();
    }

    /** Inserts a new table inside the caller's write transaction; returns it with its storage id. */
    public TableDefinition insert(Connection connection, TableDefinition table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM tables WHERE name = ?")) {
            exists.setString(1, table.name());
            if (exists.executeQuery().next()) {
                throw ApiException.resourceInUse("Table already exists: " + table.name());
            }
        }
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO tables (name, definition) VALUES (?, ?) RETURNING id")) {
            insert.setString(1, table.name());
            insert.setString(2, write(table));
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        TableDefinition stored = table.withId(id);
        database.onCommit(() -> tables.put(stored.name(), stored));
        return stored;
    }

    /**
     * Replaces a table's definition inside the caller's write transaction; a global index created or deleted
     * gets or loses its entries in the same transaction.
     */
    public void update(Connection connection, TableDefinition table) throws SQLException {
        TableDefinition before = stored(connection, table.id());
        if (before != null && (IndexEntries.any(before) || IndexEntries.any(table))) {
            indexes.reconcile(connection, before, table);
        }
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE tables SET definition = ? WHERE id = ?")) {
            update.setString(1, write(table));
            update.setLong(2, table.id());
            update.executeUpdate();
        }
        database.onCommit(() -> tables.put(table.name(), table));
    }

    /**
     * Indexes the items of a table that were copied in whole (a restore) rather than written one by one, inside
     * the caller's write transaction.
     */
    public void indexCopiedItems(Connection connection, TableDefinition table) throws SQLException {
        indexes.build(connection, table);
    }

    private static TableDefinition stored(Connection connection, long id) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT definition FROM tables WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? parse(rows.getString(1)).withId(id) : null;
            }
        }
    }

    /** Deletes a table, its items, their index entries and history inside the caller's write transaction. */
    public void delete(Connection connection, TableDefinition table) throws SQLException {
        indexes.deleteTable(connection, table.id());
        try (PreparedStatement items = connection.prepareStatement("DELETE FROM items WHERE table_id = ?");
             PreparedStatement history = connection.prepareStatement("DELETE FROM item_history WHERE table_id = ?");
             PreparedStatement row = connection.prepareStatement("DELETE FROM tables WHERE id = ?")) {
            items.setLong(1, table.id());
            items.executeUpdate();
            history.setLong(1, table.id());
            history.executeUpdate();
            row.setLong(1, table.id());
            row.executeUpdate();
        }
        // a table's resource policies, contributor insights settings and Kinesis destinations go with it
        for (String settings : new String[] {"resource_policies", "contributor_insights", "kinesis_destinations"}) {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM " + settings + " WHERE table_id = ?")) {
                delete.setLong(1, table.id());
                delete.executeUpdate();
            }
        }
        database.onCommit(() -> tables.remove(table.name()));
    }

    private static String write(TableDefinition table) {
        try {
            return Json.MAPPER.writeValueAsString(table);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot store table " + table.name(), e);
        }
    }

    private static TableDefinition parse(String text) {
        try {
            return Json.MAPPER.readValue(text, TableDefinition.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("stored table definition is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
