package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * UpdateContributorInsights, DescribeContributorInsights and ListContributorInsights: the setting of a table or
 * of one of its global secondary indexes, DISABLED until enabled, with the CloudWatch rule names DynamoDB reports.
 * No CloudWatch rule exists locally, so the switch takes effect at once: UpdateContributorInsights answers
 * ENABLING or DISABLING as DynamoDB does, and the next Describe finds ENABLED or DISABLED. The settings go with
 * the table when it is deleted.
 *
 * <pre>{@code
 * client.updateContributorInsights(r -> r.tableName("orders").contributorInsightsAction("ENABLE"));
 * client.describeContributorInsights(r -> r.tableName("orders")).contributorInsightsStatus();   // ENABLED
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContributorInsights.html">
 *     UpdateContributorInsights</a>
 */
public final class ContributorInsightsOperations {

    private static final String DEFAULT_MODE = "ACCESSED_AND_THROTTLED_KEYS";

    private final Database database;
    private final TableCatalog catalog;
    private final Clock clock;

    public ContributorInsightsOperations(Database database, TableCatalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** An enabled setting; {@code index} is "" for the table itself. */
    private record Setting(String table, String index, boolean compositeKey, String mode, long createdMillis,
                           long updatedMillis) {
    }

    public ObjectNode updateContributorInsights(ObjectNode request) {
        TableArns.useNames(request);
        new Constraints().itemTableName("tableName", request.get("TableName"))
                .required("contributorInsightsAction", request.get("ContributorInsightsAction"))
                .oneOf("contributorInsightsAction", request.get("ContributorInsightsAction"),
                        Set.of("ENABLE", "DISABLE"), "[ENABLE, DISABLE]")
                .oneOf("contributorInsightsMode", request.get("ContributorInsightsMode"),
                        Set.of(DEFAULT_MODE, "THROTTLED_KEYS"), "[ACCESSED_AND_THROTTLED_KEYS, THROTTLED_KEYS]")
                .check();
        boolean enable = Json.text(request, "ContributorInsightsAction").equals("ENABLE");
        String mode = enable && request.hasNonNull("ContributorInsightsMode")
                ? Json.text(request, "ContributorInsightsMode") : DEFAULT_MODE;
        String indexName = Json.text(request, "IndexName");
        ObjectNode response = Json.object();
        database.write(connection -> {
            TableDefinition table = table(Json.text(request, "TableName"), indexName);
            Setting current = load(connection, table, indexName == null ? "" : indexName);
            String status;
            if (enable) {
                // enabling again in the same mode changes nothing; another mode goes through ENABLING again
                boolean unchanged = current != null && current.mode().equals(mode);
                status = unchanged ? "ENABLED" : "ENABLING";
                if (!unchanged) {
                    long now = clock.millis();
                    store(connection, table, indexName, mode, current == null ? now : current.createdMillis(), now);
                }
                response.put("ContributorInsightsMode", mode);
            } else {
                status = current == null ? "DISABLED" : "DISABLING";
                delete(connection, table, indexName);
                if (current != null) {
                    response.put("ContributorInsightsMode", current.mode());
                }
            }
            response.put("TableName", table.name());
            if (indexName != null) {
                response.put("IndexName", indexName);
            }
            response.put("ContributorInsightsStatus", status);
            return null;
        });
        return response;
    }

    public ObjectNode describeContributorInsights(ObjectNode request) {
        TableArns.useNames(request);
        new Constraints().itemTableName("tableName", request.get("TableName")).check();
        String indexName = Json.text(request, "IndexName");
        return database.read(connection -> {
            TableDefinition table = table(Json.text(request, "TableName"), indexName);
            Setting setting = load(connection, table, indexName == null ? "" : indexName);
            ObjectNode response = Json.object();
            response.put("TableName", table.name());
            if (indexName != null) {
                response.put("IndexName", indexName);
            }
            if (setting == null) {
                response.put("ContributorInsightsStatus", "DISABLED");
                return response;
            }
            ArrayNode rules = response.putArray("ContributorInsightsRuleList");
            ruleNames(setting).forEach(rules::add);
            response.put("ContributorInsightsStatus", "ENABLED");
            response.put("LastUpdateDateTime", TableDescriptions.seconds(setting.updatedMillis()));
            response.put("ContributorInsightsMode", setting.mode());
            return response;
        });
    }

    public ObjectNode listContributorInsights(ObjectNode request) {
        TableArns.useNames(request);
        new Constraints().range("maxResults", request.get("MaxResults"), 0, 100).check();
        String tableName = Json.text(request, "TableName");
        if (tableName != null) {
            table(tableName, null);
        }
        int limit = request.hasNonNull("MaxResults") && request.get("MaxResults").asInt() > 0
                ? request.get("MaxResults").asInt() : 100;
        int start = 0;
        if (request.hasNonNull("NextToken")) {
            try {
                start = Integer.parseInt(Json.text(request, "NextToken"));
            } catch (NumberFormatException e) {
                throw ApiException.validation("Invalid NextToken provided: " + Json.text(request, "NextToken"));
            }
        }
        List<Setting> settings = database.read(connection -> list(connection, tableName));
        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("ContributorInsightsSummaries");
        int end = Math.min(settings.size(), start + limit);
        for (Setting setting : settings.subList(Math.min(start, end), end)) {
            ObjectNode summary = summaries.addObject().put("TableName", setting.table());
            if (!setting.index().isEmpty()) {
                summary.put("IndexName", setting.index());
            }
            summary.put("ContributorInsightsStatus", "ENABLED");
            summary.put("ContributorInsightsMode", setting.mode());
        }
        if (end < settings.size()) {
            response.put("NextToken", Integer.toString(end));
        }
        return response;
    }

    /**
     * The rules CloudWatch holds for a setting: most accessed (C) and most throttled (T) partition keys (PK), and
     * the same for whole keys (SK) where there is a sort key; only the throttled ones in THROTTLED_KEYS mode.
     */
    private static List<String> ruleNames(Setting setting) {
        String resource = setting.table() + (setting.index().isEmpty() ? "" : "-" + setting.index());
        boolean accessed = setting.mode().equals(DEFAULT_MODE);
        List<String> kinds = new ArrayList<>();
        if (accessed) {
            kinds.add("PKC");
            if (setting.compositeKey()) {
                kinds.add("SKC");
            }
        }
        kinds.add("PKT");
        if (setting.compositeKey()) {
            kinds.add("SKT");
        }
        return kinds.stream().map(kind -> "DynamoDBContributorInsights-" + kind + "-" + resource + "-"
                + setting.createdMillis()).toList();
    }

    private TableDefinition table(String name, String indexName) {
        TableDefinition table = catalog.requireNamed(name);
        if (indexName != null && table.globalIndex(indexName) == null) {
            throw ApiException.resourceNotFound("Requested resource not found: Index: " + indexName
                    + " not found for Table: " + name);
        }
        return table;
    }

    private static boolean compositeKey(TableDefinition table, String index) {
        if (index.isEmpty()) {
            return table.rangeKey() != null;
        }
        IndexDefinition definition = table.globalIndex(index);
        return definition != null && definition.rangeKey() != null;
    }

    private Setting load(Connection connection, TableDefinition table, String index) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT mode, created, updated"
                + " FROM contributor_insights WHERE table_id = ? AND index_name = ?")) {
            select.setLong(1, table.id());
            select.setString(2, index);
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Setting(table.name(), index, compositeKey(table, index), rows.getString(1),
                        rows.getLong(2), rows.getLong(3)) : null;
            }
        }
    }

    /** Enabled settings in table name order, each table ahead of its indexes; those of deleted indexes left out. */
    private List<Setting> list(Connection connection, String tableName) throws SQLException {
        List<Setting> settings = new ArrayList<>();
        for (String name : catalog.names().stream().sorted().toList()) {
            TableDefinition table = catalog.find(name);
            if (table == null || tableName != null && !tableName.equals(name)) {
                continue;
            }
            try (PreparedStatement select = connection.prepareStatement("SELECT index_name, mode, created, updated"
                    + " FROM contributor_insights WHERE table_id = ? ORDER BY index_name")) {
                select.setLong(1, table.id());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        String index = rows.getString(1);
                        if (index.isEmpty() || table.globalIndex(index) != null) {
                            settings.add(new Setting(name, index, compositeKey(table, index), rows.getString(2),
                                    rows.getLong(3), rows.getLong(4)));
                        }
                    }
                }
            }
        }
        return settings;
    }

    private static void store(Connection connection, TableDefinition table, String indexName, String mode,
                              long createdMillis, long updatedMillis) throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO contributor_insights"
                + " (table_id, index_name, mode, created, updated) VALUES (?, ?, ?, ?, ?)")) {
            upsert.setLong(1, table.id());
            upsert.setString(2, indexName == null ? "" : indexName);
            upsert.setString(3, mode);
            upsert.setLong(4, createdMillis);
            upsert.setLong(5, updatedMillis);
            upsert.executeUpdate();
        }
    }

    private static void delete(Connection connection, TableDefinition table, String indexName) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM contributor_insights WHERE table_id = ? AND index_name = ?")) {
            delete.setLong(1, table.id());
            delete.setString(2, indexName == null ? "" : indexName);
            delete.executeUpdate();
        }
    }
}
