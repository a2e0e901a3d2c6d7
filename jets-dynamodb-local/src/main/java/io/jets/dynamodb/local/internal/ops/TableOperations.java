package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.stream.StreamDefinition;
import io.jets.dynamodb.local.internal.stream.StreamStore;
import io.jets.dynamodb.local.internal.table.BackupCatalog;
import io.jets.dynamodb.local.internal.table.IndexEntries;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions;
import io.jets.dynamodb.local.internal.table.TableDefinition.StreamState;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * CreateTable, DescribeTable, UpdateTable, DeleteTable and ListTables. Tables are ACTIVE as soon as they are
 * created, so clients waiting for ACTIVE proceed at once; an index that UpdateTable adds takes the server's index
 * creation times ({@link OnlineIndexes}). UpdateTable is applied by {@link TableUpdates}.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 */
public final class TableOperations {

    private static final Set<String> PROJECTION_TYPES = Set.of("ALL", "INCLUDE", "KEYS_ONLY");
    private static final int SYSTEM_BACKUP_DAYS = 35;

    private final Database database;
    private final TableCatalog catalog;
    private final ItemStore items;
    private final StreamStore streams;
    private final Clock clock;
    private final TableUpdates updates;
    private final ResourcePolicyOperations policies;
    private final OnlineIndexes online;

    public TableOperations(Database database, TableCatalog catalog, ItemStore items, StreamStore streams,
                           ResourcePolicyOperations policies, Clock clock, OnlineIndexes online) {
        this.database = database;
        this.catalog = catalog;
        this.items = items;
        this.streams = streams;
        this.policies = policies;
        this.clock = clock;
        this.online = online;
        this.updates = new TableUpdates(this, database, catalog, streams, clock, online);
    }

    public ObjectNode createTable(ObjectNode request, RequestContext context) {
        if (!request.hasNonNull("TableName")) {
            throw ApiException.validation("The parameter 'TableName' is required but was not present in the request");
        }
        JsonNode streamSpecification = request.get("StreamSpecification");
        Constraints constraints = new Constraints().tableName("tableName", request.get("TableName"))
                .required("attributeDefinitions", request.get("AttributeDefinitions"))
                .keyAttributeNames("attributeDefinitions", request.get("AttributeDefinitions"))
                .nonEmpty("keySchema", request.get("KeySchema"))
                .tableKeySchema("keySchema", request.get("KeySchema"))
                .oneOf("billingMode", request.get("BillingMode"), BillingRules.BILLING_MODES,
                        "[PROVISIONED, PAY_PER_REQUEST]")
                .oneOf("streamSpecification.streamViewType", streamSpecification == null ? null
                        : streamSpecification.get("StreamViewType"), TableSettings.VIEW_TYPES,
                        TableSettings.VIEW_TYPE_ENUM);
        ServerSideEncryption.checkType(constraints, "sSESpecification", request.get("SSESpecification"));
        // index names follow a table name's rules; the global indexes are reported before the local ones
        for (String indexes : List.of("GlobalSecondaryIndexes", "LocalSecondaryIndexes")) {
            int position = 1;
            for (JsonNode index : request.path(indexes)) {
                String path = Character.toLowerCase(indexes.charAt(0)) + indexes.substring(1) + "."
                        + position++ + ".member.";
                constraints.tableName(path + "indexName", index.get("IndexName"))
                        .required(path + "keySchema", index.get("KeySchema"))
                        .keyAttributeNames(path + "keySchema", index.get("KeySchema"))
                        .required(path + "projection", index.get("Projection"));
                JsonNode projection = index.path("Projection");
                JsonNode nonKey = projection.get("NonKeyAttributes");
                if (nonKey != null && nonKey.isArray() && nonKey.isEmpty()) {
                    constraints.violation("Value '[]' at '" + path + "projection.nonKeyAttributes' failed to"
                            + " satisfy constraint: Member must have length greater than or equal to 1");
                }
                constraints.nonKeyAttributes(path + "projection.nonKeyAttributes", nonKey);
                constraints.oneOf(path + "projection.projectionType", projection.get("ProjectionType"),
                        PROJECTION_TYPES, "[ALL, INCLUDE, KEYS_ONLY]");
            }
        }
        int vectorPosition = 1;
        for (JsonNode index : request.path("VectorIndexes")) {
            VectorIndexes.constraints(constraints, index, "vectorIndexes." + vectorPosition++ + ".member.");
        }
        // checked with the other members, before the billing mode decides whether a throughput may be given
        constraints.capacity("provisionedThroughput", request.get("ProvisionedThroughput")).check();
        BillingRules.checkCapacityBounds(request.get("ProvisionedThroughput"));
        ServerSideEncryption.checkSpecification(request.get("SSESpecification"));
        TableSettings.requireStreamEnabled(streamSpecification);
        if (streamSpecification != null && !streamSpecification.path("StreamEnabled").asBoolean(false)
                && streamSpecification.hasNonNull("StreamViewType")) {
            throw ApiException.validation("One or more parameter values were invalid: Table is being created with a"
                    + " stream disabled, UpdateViewType should not be specified");
        }
        long now = clock.millis();
        TableSchema schema = TableSchema.parse(request, now);
        String billingMode = Json.text(request, "BillingMode") == null ? "PROVISIONED" : Json.text(request, "BillingMode");
        long[] throughput = BillingRules.throughput(billingMode, request.get("ProvisionedThroughput"));
        String viewType = TableSettings.enabledViewType(streamSpecification);
        String name = Json.text(request, "TableName");
        Map<String, String> tags = TableSettings.tags(request.get("Tags"));
        String tableClass = TableSettings.tableClass(request);
        String policy = Json.text(request, "ResourcePolicy");
        String kmsKeyArn = ServerSideEncryption.keyArn(request.get("SSESpecification"), context.region());
        TableOptions warm = WarmThroughput.atCreate(request.get("WarmThroughput"), billingMode, throughput,
                TableOptions.DEFAULT);
        TableDefinition created = database.write(connection -> {
            TableDefinition table = new TableDefinition(0, name, UUID.randomUUID().toString(), now,
                    schema.attributeDefinitions(), schema.hashKey(), schema.rangeKey(), billingMode, throughput[0],
                    throughput[1], null, schema.globalIndexes(), schema.localIndexes(), null,
                    request.path("DeletionProtectionEnabled").asBoolean(false), tags, tableClass);
            if (!schema.vectorIndexes().isEmpty()) {
                table = table.withVectorIndexes(schema.vectorIndexes(), table.attributeDefinitions());
            }
            if (kmsKeyArn != null) {
                table = table.withOptions(table.options().withKmsMasterKeyArn(kmsKeyArn));
            }
            table = table.withOptions(table.options().withWarmThroughput(warm.warmReadUnits(),
                    warm.warmWriteUnits()));
            table = table.withOptions(OnDemandThroughput.apply(request.get("OnDemandThroughput"), table.options()));
            TableDefinition stored = catalog.insert(connection, table);
            if (policy != null) {
                policies.attachAtCreation(connection, stored, policy);
            }
            if (viewType != null) {
                StreamDefinition stream = streams.create(connection, name, viewType, context.region(),
                        schema.hashKey(), schema.rangeKey(), now);
                stored = stored.withStream(new StreamState(true, viewType, stream.arn(), stream.label()));
                catalog.update(connection, stored);
            }
            return stored;
        });
        ObjectNode response = Json.object();
        // CreateTable answers while DynamoDB is still creating the table and its global indexes; here they are
        // ready at once, so DescribeTable already finds them ACTIVE
        ObjectNode description = TableDescriptions.describe(created, "CREATING", 0, 0, context.region());
        // a table (or global index) being created has no warm throughput yet, and an on-demand one no time it became
        // on demand: only the DescribeTable calls that follow report them
        description.remove("WarmThroughput");
        description.path("GlobalSecondaryIndexes").forEach(index -> ((ObjectNode) index).put("IndexStatus", "CREATING")
                .remove("WarmThroughput"));
        description.path("VectorIndexes").forEach(index -> ((ObjectNode) index).put("IndexStatus", "CREATING"));
        if (description.get("BillingModeSummary") instanceof ObjectNode billing) {
            billing.remove("LastUpdateToPayPerRequestDateTime");
        }
        response.set("TableDescription", description);
        return response;
    }

    /** A table's item count and total item size: counted once, then kept from every write. */
    long[] totals(long tableId) {
        long[] known = items.knownTotals(tableId);
        return known != null ? known : database.write(connection -> items.countTotals(connection, tableId));
    }

    public ObjectNode describeTable(ObjectNode request, RequestContext context) {
        new Constraints().tableName("tableName", request.get("TableName")).check();
        TableDefinition table = catalog.requireNamed(Json.text(request, "TableName"));
        long[] stats = totals(table.id());
        Map<String, long[]> indexStats = !IndexEntries.any(table) ? Map.of()
                : database.read(connection -> IndexReads.stats(connection, table));
        ObjectNode response = Json.object();
        ObjectNode description = TableDescriptions.describe(table, "ACTIVE", stats[0], stats[1], context.region(),
                indexStats);
        online.describe(description, table);
        response.set("Table", description);
        return response;
    }

    public ObjectNode updateTable(ObjectNode request, RequestContext context) {
        return updates.updateTable(request, context);
    }

    public ObjectNode deleteTable(ObjectNode request, RequestContext context) {
        new Constraints().tableName("tableName", request.get("TableName")).check();
        String name = Json.text(request, "TableName");
        long now = clock.millis();
        long[] stats = new long[2];
        TableDefinition deleted = database.write(connection -> {
            TableDefinition table = catalog.requireNamed(name);
            // DeleteTable describes the table as it was, item count and size included
            long[] totals = items.knownTotals(table.id());
            stats[0] = totals != null ? totals[0] : items.count(connection, table.id());
            stats[1] = totals != null ? totals[1] : items.totalSize(connection, table.id());
            if (table.deletionProtection()) {
                throw ApiException.validation("Resource cannot be deleted as it is currently protected against"
                        + " deletion. Disable deletion protection first.");
            }
            online.checkDeletable(table);
            if (table.streamEnabled()) {
                streams.disable(connection, streams.find(connection, table.stream().arn()), now);
            }
            if (table.options().recoveryPeriodInDays() > 0) {
                // what point-in-time recovery still owes a deleted table: a SYSTEM backup kept for 35 days
                String tableArn = TableDescriptions.tableArn(context.region(), table.name());
                // a SYSTEM backup's ARN ends in eight zeros where a USER backup's has random digits
                new BackupCatalog().create(connection, tableArn + "/backup/" + String.format("%014d", now)
                        + "-00000000",
                        table.name() + "$DeletedTableBackup", now, tableArn, table, "SYSTEM",
                        now + SYSTEM_BACKUP_DAYS * 24L * 3600 * 1000);
            }
            catalog.delete(connection, table);
            return table;
        });
        items.forgetTotals(deleted.id());
        ObjectNode response = Json.object();
        ObjectNode description = TableDescriptions.describe(deleted, "DELETING", stats[0], stats[1],
                context.region());
        // DeleteTable leaves out the schema it could still describe
        description.remove(List.of("CreationDateTime", "KeySchema", "AttributeDefinitions", "GlobalSecondaryIndexes",
                "LocalSecondaryIndexes", "VectorIndexes"));
        response.set("TableDescription", description);
        return response;
    }

    public ObjectNode listTables(ObjectNode request) {
        Constraints constraints = new Constraints();
        if (request.hasNonNull("ExclusiveStartTableName")) {
            constraints.tableName("exclusiveStartTableName", request.get("ExclusiveStartTableName"));
        }
        constraints.range("limit", request.get("Limit"), 1, 100).check();
        int limit = request.path("Limit").asInt(100);
        String start = Json.text(request, "ExclusiveStartTableName");
        List<String> names = catalog.names().stream().filter(n -> start == null || n.compareTo(start) > 0).toList();
        ObjectNode response = Json.object();
        ArrayNode tableNames = response.putArray("TableNames");
        names.stream().limit(limit).forEach(tableNames::add);
        if (names.size() > limit) {
            response.put("LastEvaluatedTableName", names.get(limit - 1));
        }
        return response;
    }
}
