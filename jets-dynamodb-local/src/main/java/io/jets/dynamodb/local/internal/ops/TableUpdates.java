package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.stream.StreamDefinition;
import io.jets.dynamodb.local.internal.stream.StreamStore;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.StreamState;
import java.time.Clock;

/**
 * UpdateTable: which changes one request may make together, then billing and capacity, table class, deletion
 * protection, warm throughput, global indexes, encryption and the stream, each applied as DynamoDB applies it,
 * and the description of the change still under way that UpdateTable answers with.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTable.html">UpdateTable</a>
 */
final class TableUpdates {

    private final TableOperations tables;
    private final Database database;
    private final TableCatalog catalog;
    private final StreamStore streams;
    private final Clock clock;
    private final OnlineIndexes online;

    TableUpdates(TableOperations tables, Database database, TableCatalog catalog, StreamStore streams, Clock clock,
                 OnlineIndexes online) {
        this.tables = tables;
        this.database = database;
        this.catalog = catalog;
        this.streams = streams;
        this.clock = clock;
        this.online = online;
    }

    ObjectNode updateTable(ObjectNode request, RequestContext context) {
        JsonNode streamSpecification = request.get("StreamSpecification");
        Constraints constraints = ServerSideEncryption.checkType(new Constraints()
                .tableName("tableName", request.get("TableName"))
                .oneOf("billingMode", request.get("BillingMode"), BillingRules.BILLING_MODES,
                        "[PROVISIONED, PAY_PER_REQUEST]")
                .oneOf("streamSpecification.streamViewType", streamSpecification == null ? null
                        : streamSpecification.get("StreamViewType"), TableSettings.VIEW_TYPES,
                        TableSettings.VIEW_TYPE_ENUM),
                "sSESpecification", request.get("SSESpecification"))
                .capacity("provisionedThroughput", request.get("ProvisionedThroughput"))
                .keyAttributeNames("attributeDefinitions", request.get("AttributeDefinitions"));
        VectorIndexUpdates.constraints(constraints, request.get("VectorIndexUpdates"));
        constraints.check();
        BillingRules.checkCapacityBounds(request.get("ProvisionedThroughput"));
        ServerSideEncryption.checkSpecification(request.get("SSESpecification"));
        TableSettings.requireStreamEnabled(streamSpecification);
        String name = Json.text(request, "TableName");
        if (streamSpecification == null && request.get("BillingMode") == null
                && request.get("ProvisionedThroughput") == null && request.get("DeletionProtectionEnabled") == null
                && (request.get("GlobalSecondaryIndexUpdates") == null
                        || request.get("GlobalSecondaryIndexUpdates").isEmpty())
                && request.get("TableClass") == null && request.get("SSESpecification") == null
                && request.get("WarmThroughput") == null && request.get("OnDemandThroughput") == null
                && !VectorIndexUpdates.requested(request)) {
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
        if (VectorIndexUpdates.requested(request)) {
            VectorIndexUpdates.checkActions(request);
        }
        String tableClass = TableSettings.tableClass(request);
        JsonNode encryption = request.get("SSESpecification");
        long now = clock.millis();
        String[] previousKeyArn = new String[1];
        long[][] warmBefore = new long[1][];
        TableDefinition[] original = new TableDefinition[1];
        TableDefinition updated = database.write(connection -> {
            TableDefinition table = catalog.requireNamed(name);
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
                if ("PROVISIONED".equals(mode) && !table.vectorIndexes().isEmpty()) {
                    throw VectorIndexes.payPerRequestOnly();
                }
                long[] throughput = BillingRules.throughput(mode, request.get("ProvisionedThroughput"));
                if ("PROVISIONED".equals(table.billingMode()) && "PROVISIONED".equals(mode)
                        && throughput[0] == table.readCapacityUnits() && throughput[1] == table.writeCapacityUnits()) {
                    throw BillingRules.unchangedThroughput(table);
                }
                // warm throughput never falls: what the table had stays when its capacity is lowered
                long[] warm = WarmThroughput.of(table);
                TableDefinition billed = table.withBilling(mode, throughput[0], throughput[1])
                        .withOptions(BillingRules.billingChanged(table, mode, now)
                                .withWarmThroughput(warm[0], warm[1]));
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
            table = table.withOptions(OnDemandThroughput.apply(request.get("OnDemandThroughput"), table.options()));
            if (request.hasNonNull("WarmThroughput")) {
                warmBefore[0] = WarmThroughput.of(table);
                table = table.withOptions(WarmThroughput.raise(request.get("WarmThroughput"), warmBefore[0],
                        table.options()));
            }
            if (request.get("GlobalSecondaryIndexUpdates") != null) {
                table = GlobalIndexUpdates.updateGlobalIndexes(table, request);
            }
            if (VectorIndexUpdates.requested(request)) {
                table = VectorIndexUpdates.apply(table, request, now);
            }
            // the request's own faults are reported first; then whether the index being built allows it
            online.checkUpdate(original[0], request);
            table = OnlineIndexes.started(table, request, now);
            if (streamSpecification != null) {
                table = updateStream(connection, table, streamSpecification, context, now);
            }
            catalog.update(connection, table);
            return table;
        });
        long[] stats = tables.totals(updated.id());
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
        // an index still being built from an earlier call is shown as it is
        online.describe(description, updated);
        IndexThroughputUpdates.describeUnderWay(description, original[0], updated);
        GlobalIndexChanges.describeUnderWay(description, original[0], updated, context.region());
        if (VectorIndexUpdates.requested(request)) {
            VectorIndexUpdates.describeUnderWay(description, original[0], updated, context.region());
        }
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
     * The changes one UpdateTable cannot make together: a deletion protection switch goes alone, and a stream switch
     * goes neither with an index change nor with provisioned throughput.
     */
    private static void checkCombination(ObjectNode request) {
        boolean stream = request.hasNonNull("StreamSpecification");
        // an empty list changes no index; it is refused on its own as an empty list
        boolean indexes = request.path("GlobalSecondaryIndexUpdates").size() > 0
                || VectorIndexUpdates.requested(request);
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
        boolean createsOrDeletes = VectorIndexUpdates.requested(request);
        for (JsonNode update : request.path("GlobalSecondaryIndexUpdates")) {
            createsOrDeletes |= update.hasNonNull("Create") || update.hasNonNull("Delete");
        }
        if (createsOrDeletes && (request.hasNonNull("ProvisionedThroughput") || request.hasNonNull("BillingMode"))) {
            throw ApiException.validation("One or more parameter values were invalid: You cannot create or delete"
                    + " index while updating table IOPS");
        }
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
            String viewType = TableSettings.enabledViewType(specification);
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
}
