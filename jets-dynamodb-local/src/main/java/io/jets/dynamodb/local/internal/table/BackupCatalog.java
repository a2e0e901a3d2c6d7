package io.jets.dynamodb.local.internal.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.StorageException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * On-demand backups, kept in the {@code backups} rows with their items: a backup's items are copies of the table's
 * item rows stored under the negative of the backup's id, so that copying a table in or out is one statement and
 * no table ever sees them.
 */
public final class BackupCatalog {

    /**
     * A backup: the table as it was, and what it held.
     *
     * @param id            the storage id; its items are stored under {@code -id}
     * @param type          USER for CreateBackup's, SYSTEM for the one DynamoDB takes of a deleted table with
     *                      point-in-time recovery; null in backups stored before types were kept (USER)
     * @param expiresMillis when a SYSTEM backup expires, 0 for a USER one
     */
    public record Backup(long id, String arn, String name, long createdMillis, long itemCount, long sizeBytes,
                         String tableArn, TableDefinition table, String type, long expiresMillis) {

        @JsonCreator
        public Backup {
            type = type == null ? "USER" : type;
        }

        @JsonIgnore
        public long itemsId() {
            return -id;
        }
    }

    /** Copies the table's items and records a USER backup, inside the caller's write transaction. */
    public Backup create(Connection connection, String arn, String name, long createdMillis, String tableArn,
                         TableDefinition table) throws SQLException {
        return create(connection, arn, name, createdMillis, tableArn, table, "USER", 0);
    }

    /** Copies the table's items and records the backup, inside the caller's write transaction. */
    public Backup create(Connection connection, String arn, String name, long createdMillis, String tableArn,
                         TableDefinition table, String type, long expiresMillis) throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO backups (arn, created, definition) VALUES (?, ?, '') RETURNING id")) {
            insert.setString(1, arn);
            insert.setLong(2, createdMillis);
            try (ResultSet keys = insert.executeQuery()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        copyItems(connection, table.id(), -id);
        long[] stats = new long[2];
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT COUNT(*), COALESCE(SUM(size), 0) FROM items WHERE table_id = ?")) {
            count.setLong(1, -id);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                stats[0] = rows.getLong(1);
                stats[1] = rows.getLong(2);
            }
        }
        Backup backup = new Backup(id, arn, name, createdMillis, stats[0], stats[1], tableArn, table, type,
                expiresMillis);
        try (PreparedStatement update = connection.prepareStatement("UPDATE backups SET definition = ? WHERE id = ?")) {
            update.setString(1, write(backup));
            update.setLong(2, id);
            update.executeUpdate();
        }
        return backup;
    }

    /** Copies the item rows stored under one id to another, inside the caller's write transaction. */
    public void copyItems(Connection connection, long fromId, long toId) throws SQLException {
        try (PreparedStatement copy = connection.prepareStatement("INSERT INTO items (table_id, hash, range, item,"
                + " size) SELECT ?, hash, range, item, size FROM items WHERE table_id = ?")) {
            copy.setLong(1, toId);
            copy.setLong(2, fromId);
            copy.executeUpdate();
        }
    }

    public Backup find(Connection connection, String arn) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT definition FROM backups WHERE arn = ?")) {
            select.setString(1, arn);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? read(rows.getString(1)) : null;
            }
        }
    }

    /** Every backup, oldest first. */
    public List<Backup> all(Connection connection) throws SQLException {
        List<Backup> backups = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT definition FROM backups ORDER BY created, id");
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                backups.add(read(rows.getString(1)));
            }
        }
        return backups;
    }

    public void delete(Connection connection, Backup backup) throws SQLException {
        try (PreparedStatement items = connection.prepareStatement("DELETE FROM items WHERE table_id = ?");
             PreparedStatement row = connection.prepareStatement("DELETE FROM backups WHERE id = ?")) {
            items.setLong(1, backup.itemsId());
            items.executeUpdate();
            row.setLong(1, backup.id());
            row.executeUpdate();
        }
    }

    private static String write(Backup backup) {
        try {
            return Json.MAPPER.writeValueAsString(backup);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot store backup " + backup.arn(), e);
        }
    }

    private static Backup read(String text) {
        try {
            return Json.MAPPER.readValue(text, Backup.class);
        } catch (JsonProcessingException e) {
            throw new StorageException("cannot read a stored backup", e);
        }
    }
}
