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
 * created, so clients waiting for ACTIVE proceed at once.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateTable.html">CreateTable</a>
 */
public final class TableOperations {

    private static final Set<String> VIEW_TYPES = Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
    private static final String VIEW_TYPE_ENUM = "[NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]";
    private static final Set<String> BILLING_MODES = Set.of("PROVISIONED", "PAY_PER_REQUEST");
    private static final Set<String> PROJECTION_TYPES = Set.of("ALL", "INCLUDE", "KEYS_ONLY");
    private static final long MAX_CAPACITY_UNITS = 1_000_000_000_000L;
    private static final int SYSTEM_BACKUP_DAYS = 35;
    private static final Set<String> TABLE_CLASSES = Set.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");

    private final Database database;
    private final TableCatalog catalog;
    private final ItemStore items;
    private final StreamStore streams;
    private final Clock clock;

    public TableOperations(Database database, TableCatalog catalog, ItemStore items, StreamStore streams,
                           Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.items = items;
        this.streams = streams;
        this.clock = clock;
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
                .oneOf("billingMode", request.get("BillingMode"), BILLING_MODES, "[PROVISIONED, PAY_PER_REQUEST]")
                .oneOf("streamSpecification.streamViewType", streamSpecification == null ? null
                        : streamSpecification.get("StreamViewType"), VIEW_TYPES, VIEW_TYPE_ENUM);
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
        // checked with the other members, before the billing mode decides whether a throughput may be given
        constraints.capacity("provisionedThroughput", request.get("ProvisionedThroughput")).check();
        checkCapacityBounds(request.get("ProvisionedThroughput"));
        ServerSideEncryption.checkSpecification(request.get("SSESpecification"));
        requireStreamEnabled(streamSpecification);
        if (streamSpecification != null && !streamSpecification.path("StreamEnabled").asBoolean(false)
                && streamSpecification.hasNonNull("StreamViewType")) {
            throw ApiException.validation("One or more parameter values were invalid: Table is being created with a"
                    + " stream disabled, UpdateViewType should not be specified");
        }
        TableSchema schema = TableSchema.parse(request);
        String billingMode = Json.text(request, "BillingMode") == null ? "PROVISIONED" : Json.text(request, "BillingMode");
        long[] throughput = BillingRules.throughput(billingMode, request.get("ProvisionedThroughput"));
        String viewType = enabledViewType(streamSpecification);
        String name = Json.text(request, "TableName");
        Map<String, String> tags = tags(request.get("Tags"));
        String tableClass = tableClass(request);
        String kmsKeyArn = ServerSideEncryption.keyArn(request.get("SSESpecification"), context.region());
        TableOptions warm = WarmThroughput.atCreate(request.get("WarmThroughput"), billingMode, throughput,
                TableOptions.DEFAULT);
        long now = clock.millis();
        TableDefinition created = database.write(connection -> {
            TableDefinition table = new TableDefinition(0, name, UUID.randomUUID().toString(), now,
                    schema.attributeDefinitions(), schema.hashKey(), schema.rangeKey(), billingMode, throughput[0],
                    throughput[1], null, schema.globalIndexes(), schema.localIndexes(), null,
                    request.path("DeletionProtectionEnabled").asBoolean(false), tags, tableClass);
            if (kmsKeyArn != null) {
                table = table.withOptions(table.options().withKmsMasterKeyArn(kmsKeyArn));
            }
            table = table.withOptions(table.options().withWarmThroughput(warm.warmReadUnits(),
                    warm.warmWriteUnits()));
            TableDefinition stored = catalog.insert(connection, table);
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
        if (description.get("BillingModeSummary") instanceof ObjectNode billing) {
            billing.remove("LastUpdateToPayPerRequestDateTime");
        }
        response.set("TableDescription", description);
        return response;
    }

    /** A table's item count and total item size: counted once, then kept from every write. */
    private long[] totals(long tableId) {
        long[] known = items.knownTotals(tableId);
        return known != null ? known : database.write(connection -> items.countTotals(connection, tableId));
    }

    public ObjectNode describeTable(ObjectNode request, RequestContext context) {
        new Constraints().tableName("tableName", request.get("TableName")).check();
        TableDefinition table = describable(Json.text(request, "TableName"));
        long[] stats = totals(table.id());
        Map<String, long[]> indexStats = table.globalIndexes().isEmpty() && table.localIndexes().isEmpty()
                ? Map.of() : database.read(connection -> IndexReads.stats(connection, table));
        ObjectNode response = Json.object();
        response.set("Table", TableDescriptions.describe(table, "ACTIVE", stats[0], stats[1], context.region(),
                indexStats));
        return response;
    }

    public ObjectNode updateTable(ObjectNode request, RequestContext context) {
        JsonNode streamSpecification = request.get("StreamSpecification");
        ServerSideEncryption.checkType(new Constraints().tableName("tableName", request.get("TableName"))
                .oneOf("billingMode", request.get("BillingMode"), BILLING_MODES, "[PROVISIONED, PAY_PER_REQUEST]")
                .oneOf("streamSpecification.streamViewType", streamSpecification == null ? null
                        : streamSpecification.get("StreamViewType"), VIEW_TYPES, VIEW_TYPE_ENUM),
                "sSESpecification", request.get("SSESpecification"))
                .capacity("provisionedThroughput", request.get("ProvisionedThroughput"))
                .keyAttributeNames("attributeDefinitions", request.get("AttributeDefinitions"))
                .check();
        checkCapacityBounds(request.get("ProvisionedThroughput"));
        ServerSideEncryption.checkSpecification(request.get("SSESpecification"));
        requireStreamEnabled(streamSpecification);
        String name = Json.text(request, "TableName");
        if (streamSpecification == null && request.get("BillingMode") == null
                && request.get("ProvisionedThroughput") == null && request.get("DeletionProtectionEnabled") == null
                && (request.get("GlobalSecondaryIndexUpdates") == null
                        || request.get("GlobalSecondaryIndexUpdates").isEmpty())
                && request.get("TableClass") == null && request.get("SSESpecification") == null
                && request.get("WarmThroughput") == null) {
            throw ApiException.validation("At least one of ProvisionedThroughput, BillingMode, UpdateStreamEnabled,"
                    + " GlobalSecondaryIndexUpdates, SSESpecification, ReplicaUpdates, MultiAccountReplicaReady,"
                    + " ReplicaTransitRoleArn, MultiRegionConsistency, DeletionProtectionEnabled, OnDemandThroughput,"
                    + " WarmThroughput or TableClass is required");
        }
        checkCombination(request);
        IndexThroughputUpdates.checkShape(request);
        if (request.path("GlobalSecondaryIndexUpdates").isArray()) {
            GlobalIndexUpdates.checkIndexActions(request.get("GlobalSecondaryIndexUpdates"));
        }
        String tableClass = tableClass(request);
        JsonNode encryption = request.get("SSESpecification");
        long now = clock.millis();
        String[] previousKeyArn = new String[1];
        long[][] warmBefore = new long[1][];
        TableDefinition[] original = new TableDefinition[1];
        TableDefinition updated = database.write(connection -> {
            TableDefinition table = describable(name);
            original[0] = table;
            previousKeyArn[0] = table.options().kmsMasterKeyArn();
            if (encryption != null) {
                ServerSideEncryption.checkChange(encryption, previousKeyArn[0], context.region());
                table = table.withOptions(table.options().withKmsMasterKeyArn(
                        ServerSideEncryption.keyArn(encryption, context.region())));
            }
            if (request.get("BillingMode") != null || request.get("ProvisionedThroughput") != null) {
                String mode = Json.text(request, "BillingMode") == null ? table.billingMode()
                        : Json.text(request, "BillingMode");
                if ("PROVISIONED".equals(mode) && !request.hasNonNull("ProvisionedThroughput")) {
                    throw ApiException.validation("One or more parameter values were invalid: ProvisionedThroughput"
                            + " must be specified when BillingMode is PROVISIONED");
                }
                long[] throughput = BillingRules.throughput(mode, request.get("ProvisionedThroughput"));
                if ("PROVISIONED".equals(table.billingMode()) && "PROVISIONED".equals(mode)
                        && throughput[0] == table.readCapacityUnits() && throughput[1] == table.writeCapacityUnits()) {
                    throw unchangedThroughput(table);
                }
                // warm throughput never falls: what the table had stays when its capacity is lowered
                long[] warm = WarmThroughput.of(table);
                TableDefinition billed = table.withBilling(mode, throughput[0], throughput[1])
                        .withOptions(billingChanged(table, mode, now).withWarmThroughput(warm[0], warm[1]));
                table = IndexThroughputUpdates.afterBillingSwitch(table, billed, request);
            }
            // choosing STANDARD for a table that never had a class changes nothing, so no summary appears
            if (tableClass != null && !(table.tableClass() == null && tableClass.equals("STANDARD"))) {
                table = table.withTableClass(tableClass)
                        .withOptions(table.options().withTableClassUpdated(now));
            }
            if (request.get("DeletionProtectionEnabled") != null) {
                table = table.withDeletionProtection(request.get("DeletionProtectionEnabled").asBoolean());
            }
            if (request.hasNonNull("WarmThroughput")) {
                warmBefore[0] = WarmThroughput.of(table);
                table = table.withOptions(WarmThroughput.raise(request.get("WarmThroughput"), warmBefore[0],
                        table.options()));
            }
            if (request.get("GlobalSecondaryIndexUpdates") != null) {
                table = GlobalIndexUpdates.updateGlobalIndexes(table, request);
            }
            if (streamSpecification != null) {
                table = updateStream(connection, table, streamSpecification, context, now);
            }
            catalog.update(connection, table);
            return table;
        });
        long[] stats = totals(updated.id());
        ObjectNode response = Json.object();
        // UpdateTable answers while DynamoDB is still applying the change; DescribeTable finds it done
        ObjectNode description = TableDescriptions.describe(updated, "UPDATING", stats[0], stats[1],
                context.region());
        // the switch of keys is still under way when UpdateTable answers; leaving KMS names the key being left
        String switchingTo = updated.options().kmsMasterKeyArn();
        String shownKey = switchingTo != null ? switchingTo : previousKeyArn[0];
        boolean keyChanges = switchingTo == null ? previousKeyArn[0] != null : !switchingTo.equals(previousKeyArn[0]);
        if (encryption != null && keyChanges) {
            description.set("SSEDescription", ServerSideEncryption.description(shownKey, "UPDATING"));
        }
        IndexThroughputUpdates.describeUnderWay(description, original[0], updated);
        GlobalIndexChanges.describeUnderWay(description, original[0], updated, context.region());
        // a raise is still under way when UpdateTable answers: the values shown are the ones being left
        if (warmBefore[0] != null && !java.util.Arrays.equals(warmBefore[0], WarmThroughput.of(updated))) {
            description.set("WarmThroughput", WarmThroughput.description(warmBefore[0], "UPDATING"));
        }
        // the switch to on demand is still under way too: its time appears once it is done
        boolean switchedToOnDemand = "PAY_PER_REQUEST".equals(Json.text(request, "BillingMode"))
                && updated.options().payPerRequestMillis() == now;
        if (switchedToOnDemand && description.has("BillingModeSummary")) {
            ((ObjectNode) description.get("BillingModeSummary")).remove("LastUpdateToPayPerRequestDateTime");
        }
        response.set("TableDescription", description);
        return response;
    }

    /**
     * When the table last became PAY_PER_REQUEST, which DynamoDB keeps reporting after a switch back to PROVISIONED:
     * the time of a switch to on demand, or the creation of a table that was on demand from the start.
     */
    private static TableOptions billingChanged(TableDefinition table, String mode, long now) {
        TableOptions options = table.options();
        if ("PAY_PER_REQUEST".equals(mode) && !"PAY_PER_REQUEST".equals(table.billingMode())) {
            return options.withPayPerRequestSince(now);
        }
        if ("PROVISIONED".equals(mode) && "PAY_PER_REQUEST".equals(table.billingMode())
                && options.payPerRequestMillis() == 0) {
            return options.withPayPerRequestSince(table.createdMillis());
        }
        return options;
    }

    /**
     * The changes one UpdateTable cannot make together: a deletion protection switch goes alone, and a stream switch
     * goes neither with an index change nor with provisioned throughput.
     */
    private static void checkCombination(ObjectNode request) {
        boolean stream = request.hasNonNull("StreamSpecification");
        // an empty list changes no index; it is refused on its own as an empty list
        boolean indexes = request.path("GlobalSecondaryIndexUpdates").size() > 0;
        boolean throughput = request.hasNonNull("ProvisionedThroughput")
                || "PROVISIONED".equals(Json.text(request, "BillingMode"));
        boolean others = stream || indexes || request.hasNonNull("ProvisionedThroughput")
                || request.hasNonNull("BillingMode");
        if (request.hasNonNull("TableClass") && (others || request.hasNonNull("DeletionProtectionEnabled"))) {
            throw ApiException.validation("One or more parameter values were invalid: TableClass modification must be"
                    + " the only operation in the request");
        }
        if (request.hasNonNull("DeletionProtectionEnabled") && others) {
            throw ApiException.validation("One or more parameter values were invalid: DeletionProtection modification"
                    + " must be the only operation in the request");
        }
        if (request.hasNonNull("WarmThroughput") && indexes) {
            throw ApiException.validation("One or more parameter values were invalid: Create global secondary index"
                    + " cannot be specified when updating WarmThroughput");
        }
        if (request.hasNonNull("WarmThroughput") && (others || request.hasNonNull("DeletionProtectionEnabled")
                || request.hasNonNull("TableClass") || request.hasNonNull("SSESpecification"))) {
            throw ApiException.validation("One or more parameter values were invalid: WarmThroughput must be the only"
                    + " operation in the request");
        }
        if (request.hasNonNull("SSESpecification") && (others || request.hasNonNull("DeletionProtectionEnabled")
                || request.hasNonNull("TableClass"))) {
            throw ApiException.validation("One or more parameter values were invalid: Server-Side Encryption"
                    + " modification must be the only operation in the request");
        }
        if (stream && indexes) {
            throw ApiException.validation("One or more parameter values were invalid: You cannot create or delete"
                    + " index while changing stream status");
        }
        if (stream && throughput) {
            throw ApiException.validation("One or more parameter values were invalid: You cannot modify stream status"
                    + " while updating table IOPS");
        }
        boolean createsOrDeletes = false;
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            createsOrDeletes |= update.hasNonNull("Create") || update.hasNonNull("Delete");
        }
        if (createsOrDeletes && (request.hasNonNull("ProvisionedThroughput") || request.hasNonNull("BillingMode"))) {
            throw ApiException.validation("One or more parameter values were invalid: You cannot create or delete"
                    + " index while updating table IOPS");
        }
    }

    private static ApiException unchangedThroughput(TableDefinition table) {
        return ApiException.validation("The provisioned throughput for the table will not change. The requested"
                + " value equals the current value. Current ReadCapacityUnits provisioned for the table: "
                + table.readCapacityUnits() + ". Requested ReadCapacityUnits: " + table.readCapacityUnits()
                + ". Current WriteCapacityUnits provisioned for the table: " + table.writeCapacityUnits()
                + ". Requested WriteCapacityUnits: " + table.writeCapacityUnits() + ". Refer to the Amazon DynamoDB"
                + " Developer Guide for current limits and how to request higher limits.");
    }

    private TableDefinition updateStream(java.sql.Connection connection, TableDefinition table, JsonNode specification,
                                         RequestContext context, long now) throws java.sql.SQLException {
        boolean enable = specification.path("StreamEnabled").asBoolean(false);
        if (enable) {
            if (!specification.hasNonNull("StreamViewType")) {
                throw ApiException.validation("One or more parameter values were invalid: If stream is being enabled"
                        + " then UpdateViewType is required");
            }
            if (table.streamEnabled()) {
                throw ApiException.validation("Table already has an enabled stream: TableName: " + table.name());
            }
            String viewType = enabledViewType(specification);
            StreamDefinition stream = streams.create(connection, table.name(), viewType, context.region(),
                    table.hashKey(), table.rangeKey(), now);
            return table.withStream(new StreamState(true, viewType, stream.arn(), stream.label()));
        }
        if (specification.hasNonNull("StreamViewType")) {
            throw ApiException.validation("One or more parameter values were invalid: If stream is being disabled,"
                    + " then UpdateViewType must not be specified");
        }
        if (!table.streamEnabled()) {
            throw ApiException.validation("Table has no stream to disable: TableName: " + table.name());
        }
        StreamDefinition stream = streams.find(connection, table.stream().arn());
        streams.disable(connection, stream, now);
        StreamState old = table.stream();
        return table.withStream(new StreamState(false, old.viewType(), old.arn(), old.label()));
    }

    public ObjectNode deleteTable(ObjectNode request, RequestContext context) {
        new Constraints().tableName("tableName", request.get("TableName")).check();
        String name = Json.text(request, "TableName");
        long now = clock.millis();
        long[] stats = new long[2];
        TableDefinition deleted = database.write(connection -> {
            TableDefinition table = describable(name);
            // DeleteTable describes the table as it was, item count and size included
            long[] totals = items.knownTotals(table.id());
            stats[0] = totals != null ? totals[0] : items.count(connection, table.id());
            stats[1] = totals != null ? totals[1] : items.totalSize(connection, table.id());
            if (table.deletionProtection()) {
                throw ApiException.validation("Resource cannot be deleted as it is currently protected against"
                        + " deletion. Disable deletion protection first.");
            }
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
                "LocalSecondaryIndexes"));
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

    /** Capacity units above a trillion are out of DynamoDB's bounds, the read units reported first. */
    private static void checkCapacityBounds(JsonNode provisioned) {
        if (provisioned == null || provisioned.isNull()) {
            return;
        }
        for (String units : List.of("ReadCapacityUnits", "WriteCapacityUnits")) {
            JsonNode value = provisioned.get(units);
            if (value != null && value.asLong() > MAX_CAPACITY_UNITS) {
                throw ApiException.validation("Given value " + value.asText() + " for " + units
                        + " is out of bounds");
            }
        }
    }

    /** The table, or the ResourceNotFoundException control-plane operations answer (naming the table). */
    private TableDefinition describable(String name) {
        TableDefinition table = catalog.find(name);
        if (table == null) {
            throw ApiException.resourceNotFound("Requested resource not found: Table: " + name + " not found");
        }
        return table;
    }

    private static String enabledViewType(JsonNode specification) {
        if (specification == null || !specification.path("StreamEnabled").asBoolean(false)) {
            return null;
        }
        String viewType = Json.text(specification, "StreamViewType");
        if (viewType == null) {
            throw ApiException.validation("One or more parameter values were invalid: Table is being created with a"
                    + " stream enabled, UpdateViewType is required");
        }
        return viewType;
    }

    /** A StreamSpecification always says whether the stream is on; only the view type may be left out. */
    private static void requireStreamEnabled(JsonNode specification) {
        if (specification != null && !specification.isNull()) {
            new Constraints().required("streamSpecification.streamEnabled", specification.get("StreamEnabled"))
                    .check();
        }
    }

    private static String tableClass(ObjectNode request) {
        String tableClass = Json.text(request, "TableClass");
        if (tableClass != null && !TABLE_CLASSES.contains(tableClass)) {
            throw ApiException.validation("Invalid table-class parameter provided. Please try again with a valid"
                    + " table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
        }
        return tableClass;
    }

    private static Map<String, String> tags(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return Map.of();
        }
        Map<String, String> result = TagRules.parse(tags);
        TagRules.checkCount(result.keySet());
        return result;
    }
}
