package io.jets.dynamodb.local.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.internal.storage.IndexEntryStore.Position;
import io.jets.dynamodb.local.internal.storage.ItemStore.Bound;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading an index costs what reading a table partition costs: SQLite's plan for every index read is a search of
 * the entries' primary key joined to the items by theirs, never a scan of the table or a sort.
 */
class IndexEntryStoreTest {

    private static final byte[] KEY = {3, 64, 1, 2, 0};
    private static final Position START = new Position(KEY, KEY, KEY, KEY);

    @Test
    void partition_searchesOneIndexHashKey_inIndexOrder_bothWays() throws SQLException {
        List<String> plans = plans((store, connection) -> {
            store.partition(connection, 1, "by-owner", KEY, new Bound(KEY, true), new Bound(KEY, false), START, true,
                    10);
            store.partition(connection, 1, "by-owner", KEY, null, null, START, false, 10);
            store.partition(connection, 1, "by-owner", KEY, null, null, null, true, 10);
        });

        assertThat(plans).hasSize(3).allSatisfy(plan -> assertThat(plan)
                .contains("SEARCH e USING PRIMARY KEY (table_id=? AND index_name=? AND hash=?")
                .contains("SEARCH i USING PRIMARY KEY (table_id=? AND hash=? AND range=?)")
                .doesNotContain("SCAN").doesNotContain("TEMP B-TREE"));
    }

    @Test
    void scan_readsTheEntriesOfOneIndex_inIndexOrder() throws SQLException {
        List<String> plans = plans((store, connection) -> {
            store.scan(connection, 1, "by-owner", START, 10);
            store.scan(connection, 1, "by-owner", null, 10);
        });

        assertThat(plans).hasSize(2).allSatisfy(plan -> assertThat(plan)
                .contains("SEARCH e USING PRIMARY KEY (table_id=? AND index_name=?")
                .contains("SEARCH i USING PRIMARY KEY (table_id=? AND hash=? AND range=?)")
                .doesNotContain("SCAN").doesNotContain("TEMP B-TREE"));
    }

    private interface Reads {
        void run(IndexEntryStore store, Connection connection) throws SQLException;
    }

    /** SQLite's query plan for each statement the reads prepare. */
    private static List<String> plans(Reads reads) {
        try (Database database = Database.inMemory()) {
            return database.read(connection -> {
                List<String> statements = new ArrayList<>();
                Connection recording = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
                            if (method.getName().equals("prepareStatement")) {
                                statements.add((String) args[0]);
                            }
                            try {
                                return method.invoke(connection, args);
                            } catch (InvocationTargetException e) {
                                throw e.getCause();
                            }
                        });
                reads.run(new IndexEntryStore(), recording);
                List<String> plans = new ArrayList<>();
                for (String sql : statements) {
                    StringBuilder plan = new StringBuilder();
                    try (Statement statement = connection.createStatement();
                         ResultSet rows = statement.executeQuery("EXPLAIN QUERY PLAN " + sql)) {
                        while (rows.next()) {
                            plan.append(rows.getString("detail")).append('\n');
                        }
                    }
                    plans.add(plan.toString());
                }
                return plans;
            });
        }
    }
}
