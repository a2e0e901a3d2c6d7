package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.storage.ItemStore.Row;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes items whose time-to-live attribute (a Number of epoch seconds) lies in the past, as DynamoDB's
 * background process does; the REMOVE stream records carry the service identity.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html">Time to Live</a>
 */
public final class TimeToLiveReaper implements Runnable {

    private static final long FIVE_YEARS_SECONDS = 5L * 365 * 24 * 60 * 60;
    private static final int PAGE = 10_000;

    private final Database database;
    private final TableCatalog catalog;
    private final ItemStore items;
    private final ItemWriter writer;
    private final Clock clock;

    public TimeToLiveReaper(Database database, TableCatalog catalog, ItemStore items, ItemWriter writer,
                            Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.items = items;
        this.writer = writer;
        this.clock = clock;
    }

    @Override
    public void run() {
        try {
            for (String name : catalog.names()) {
                TableDefinition table = catalog.find(name);
                if (table != null && table.ttlAttribute() != null) {
                    reap(table);
                }
            }
        } catch (RuntimeException e) {
            // the next round retries; a failed round must not stop the schedule
            System.err.println("jets-dynamodb-local: time-to-live round failed: " + e);
        }
    }

    private static boolean expired(BigDecimal expiry, BigDecimal now, BigDecimal oldest) {
        return expiry.compareTo(now) < 0 && expiry.compareTo(oldest) >= 0;
    }

    private void reap(TableDefinition table) {
        BigDecimal now = BigDecimal.valueOf(clock.millis() / 1000);
        // DynamoDB leaves alone expiry times more than five years in the past: they are taken for another unit
        BigDecimal oldest = now.subtract(BigDecimal.valueOf(FIVE_YEARS_SECONDS));
        List<byte[][]> expired = database.read(connection -> expiredKeys(connection, table, now, oldest));
        for (byte[][] stored : expired) {
            database.write(connection -> {
                TableDefinition current = catalog.find(table.name());
                if (current == null || current.id() != table.id() || current.ttlAttribute() == null) {
                    return null;
                }
                Row row = items.row(connection, current.id(), stored[0], stored[1]);
                if (row == null) {
                    return null;
                }
                ObjectNode key = Keys.project(current, row.item());
                ObjectNode item = writer.read(connection, current, key);
                JsonNode value = item == null ? null : item.path(current.ttlAttribute()).get("N");
                // the item may have been rewritten since the scan
                if (value != null && expired(new BigDecimal(value.asText()), now, oldest)) {
                    writer.write(connection, current, key, item, null, true);
                }
                return null;
            });
        }
    }

    /**
     * The stored keys of the items whose time to live has passed. SQLite reads the attribute out of each stored item,
     * so a large table is not parsed item by item every round; a name SQLite's JSON paths cannot hold is read the
     * slow way.
     */
    private List<byte[][]> expiredKeys(Connection connection, TableDefinition table, BigDecimal now,
                                       BigDecimal oldest) throws SQLException {
        List<byte[][]> found = new ArrayList<>();
        byte[] afterHash = null;
        byte[] afterRange = null;
        while (true) {
            List<ItemStore.NumberAttribute> page = items.numberAttributes(connection, table.id(),
                    table.ttlAttribute(), afterHash, afterRange, PAGE);
            if (page == null) {
                return expiredKeysByParsing(connection, table, now, oldest);
            }
            for (ItemStore.NumberAttribute attribute : page) {
                if (expired(new BigDecimal(attribute.number()), now, oldest)) {
                    found.add(new byte[][] {attribute.hash(), attribute.range()});
                }
            }
            if (page.size() < PAGE) {
                return found;
            }
            afterHash = page.get(page.size() - 1).hash();
            afterRange = page.get(page.size() - 1).range();
        }
    }

    private List<byte[][]> expiredKeysByParsing(Connection connection, TableDefinition table, BigDecimal now,
                                                BigDecimal oldest) throws SQLException {
        List<byte[][]> found = new ArrayList<>();
        byte[] afterHash = null;
        byte[] afterRange = null;
        while (true) {
            List<Row> rows = items.scan(connection, table.id(), afterHash, afterRange, 1000);
            for (Row row : rows) {
                JsonNode value = row.item().path(table.ttlAttribute()).get("N");
                if (value != null && expired(new BigDecimal(value.asText()), now, oldest)) {
                    found.add(new byte[][] {row.hash(), row.range()});
                }
            }
            if (rows.size() < 1000) {
                return found;
            }
            afterHash = rows.get(rows.size() - 1).hash();
            afterRange = rows.get(rows.size() - 1).range();
        }
    }
}
