package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.table.BackupCatalog;
import io.jets.dynamodb.local.internal.table.BackupCatalog.Backup;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * On-demand backups: CreateBackup copies the table's items at once, DescribeBackup, ListBackups and DeleteBackup
 * answer as DynamoDB does, a backup outlives its table, and RestoreTableFromBackup makes a new table of it.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_CreateBackup.html">
 *     CreateBackup</a>
 */
public final class BackupOperations {

    private static final Set<String> BACKUP_TYPES = Set.of("USER", "SYSTEM", "AWS_BACKUP", "ALL");
    private static final java.util.regex.Pattern BACKUP_ARN = java.util.regex.Pattern.compile(
            "arn:aws[a-z-]*:dynamodb:[^:]+:\\d{12}:table/[a-zA-Z0-9_.-]+/backup/(\\d{14})-[0-9a-f]{8}");

    private final Database database;
    private final TableCatalog catalog;
    private final BackupCatalog backups = new BackupCatalog();
    private final Clock clock;

    public BackupOperations(Database database, TableCatalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
    }

    public ObjectNode createBackup(ObjectNode request, RequestContext context) {
        Constraints constraints = new Constraints();
        String name = tableName(request.get("TableName"), constraints);
        constraints.tableName("backupName", request.get("BackupName")).check();
        String backupName = Json.text(request, "BackupName");
        long now = clock.millis();
        Backup backup = database.write(connection -> {
            TableDefinition table = table(name);
            String tableArn = TableDescriptions.tableArn(context.region(), table.name());
            return backups.create(connection, backupArn(tableArn, now), backupName, now, tableArn, table);
        });
        ObjectNode response = Json.object();
        // the copy is complete when the answer leaves, but DynamoDB's answer always says it has just begun
        response.set("BackupDetails", BackupDescriptions.details(backup, "CREATING"));
        return response;
    }

    public ObjectNode describeBackup(ObjectNode request) {
        Backup backup = database.read(connection -> backup(connection, request));
        ObjectNode response = Json.object();
        response.set("BackupDescription", BackupDescriptions.describe(backup, "AVAILABLE"));
        return response;
    }

    public ObjectNode deleteBackup(ObjectNode request) {
        Backup backup = database.write(connection -> {
            Backup found = backup(connection, request);
            if (found.type().equals("SYSTEM")) {
                throw ApiException.validation("Invalid Request: User is not allowed to delete the system backup with"
                        + " arn " + found.arn() + ". It will automatically expire on "
                        + java.time.Instant.ofEpochMilli(found.expiresMillis()));
            }
            backups.delete(connection, found);
            return found;
        });
        ObjectNode response = Json.object();
        response.set("BackupDescription", BackupDescriptions.describe(backup, "DELETED"));
        return response;
    }

    public ObjectNode listBackups(ObjectNode request) {
        Constraints constraints = new Constraints()
                .oneOf("backupType", request.get("BackupType"), BACKUP_TYPES, "[USER, SYSTEM, AWS_BACKUP, ALL]")
                .range("limit", request.get("Limit"), 1, 100);
        String name = request.hasNonNull("TableName") ? tableName(request.get("TableName"), constraints) : null;
        constraints.check();
        String type = Json.text(request, "BackupType") == null ? "USER" : Json.text(request, "BackupType");
        int limit = request.hasNonNull("Limit") ? request.get("Limit").asInt() : Integer.MAX_VALUE;
        double lower = request.path("TimeRangeLowerBound").asDouble(Double.NEGATIVE_INFINITY);
        double upper = request.path("TimeRangeUpperBound").asDouble(Double.POSITIVE_INFINITY);
        if (lower > upper) {
            throw ApiException.validation("One or more parameter values were invalid: Time range lower bound must"
                    + " be less than or equal to upper bound");
        }
        String after = Json.text(request, "ExclusiveStartBackupArn");
        List<Backup> all = database.read(backups::all).stream()
                .filter(backup -> type.equals("ALL") || backup.type().equals(type)).toList();
        ObjectNode response = Json.object();
        var summaries = response.putArray("BackupSummaries");
        // the start ARN is only a position: that of a deleted backup, or of none, resumes after its time
        boolean known = after != null && all.stream().anyMatch(backup -> backup.arn().equals(after));
        long afterMillis = after == null || known ? 0 : createdMillis(after);
        boolean started = after == null || !known;
        for (Backup backup : all) {
            if (!started) {
                started = backup.arn().equals(after);
                continue;
            }
            if (afterMillis != 0 && backup.createdMillis() <= afterMillis) {
                continue;
            }
            double created = backup.createdMillis() / 1000.0;
            // the lower bound is inclusive, the upper one exclusive
            if ((name != null && !backup.table().name().equals(name)) || created < lower || created >= upper) {
                continue;
            }
            if (summaries.size() == limit) {
                response.put("LastEvaluatedBackupArn", summaries.get(limit - 1).get("BackupArn").asText());
                break;
            }
            ObjectNode summary = summaries.addObject();
            summary.put("TableName", backup.table().name());
            summary.put("TableId", backup.table().tableId());
            summary.put("TableArn", backup.tableArn());
            summary.setAll(BackupDescriptions.details(backup, "AVAILABLE"));
        }
        return response;
    }

    /**
     * A new table with the backup's schema and items, its billing and indexes as the request overrides them.
     * Like DynamoDB's, it has no stream, time to live, tags, deletion protection or table class: those are set
     * again after a restore.
     */
    public ObjectNode restoreTableFromBackup(ObjectNode request, RequestContext context) {
        Constraints constraints = new Constraints().tableName("targetTableName", request.get("TargetTableName"))
                .required("backupArn", request.get("BackupArn"))
                .oneOf("billingModeOverride", request.get("BillingModeOverride"),
                        Set.of("PROVISIONED", "PAY_PER_REQUEST"), "[PROVISIONED, PAY_PER_REQUEST]");
        ServerSideEncryption.checkType(constraints, "sSESpecificationOverride",
                request.get("SSESpecificationOverride")).check();
        ServerSideEncryption.requireSupportedType(request.get("SSESpecificationOverride"));
        String target = Json.text(request, "TargetTableName");
        long now = clock.millis();
        Backup[] source = new Backup[1];
        TableDefinition restored = database.write(connection -> {
            Backup backup = backup(connection, request);
            source[0] = backup;
            if (catalog.find(target) != null) {
                throw ApiException.dynamoDb("TableAlreadyExistsException", "Table already exists: " + target);
            }
            String keyArn = request.has("SSESpecificationOverride")
                    ? ServerSideEncryption.keyArn(request.get("SSESpecificationOverride"), context.region())
                    : backup.table().options().kmsMasterKeyArn();
            TableDefinition table = restoredTable(backup.table(), target, request, context.region(), now)
                    .withOptions(TableOptions.DEFAULT.withRestore(
                            new TableOptions.Restore(backup.arn(), backup.tableArn(), now))
                            .withKmsMasterKeyArn(keyArn));
            TableDefinition stored = catalog.insert(connection, table);
            backups.copyItems(connection, backup.itemsId(), stored.id());
            catalog.indexCopiedItems(connection, stored);
            return stored;
        });
        ObjectNode description = TableDescriptions.describe(restored, "CREATING", source[0].itemCount(),
                source[0].sizeBytes(), context.region());
        description.set("RestoreSummary", TableDescriptions.restoreSummary(restored));
        ObjectNode response = Json.object();
        response.set("TableDescription", description);
        return response;
    }

    /** The backed-up table's schema as a CreateTable request with the overrides, checked as CreateTable is. */
    static TableDefinition restoredTable(TableDefinition backedUp, String name, ObjectNode request,
                                                 String region, long now) {
        ObjectNode described = TableDescriptions.describe(backedUp, "ACTIVE", 0, 0, region);
        boolean modeOverridden = request.hasNonNull("BillingModeOverride");
        boolean throughputOverridden = request.hasNonNull("ProvisionedThroughputOverride");
        String billingMode = modeOverridden ? Json.text(request, "BillingModeOverride") : backedUp.billingMode();
        if (throughputOverridden && "PAY_PER_REQUEST".equals(billingMode)) {
            throw invalidRequest(modeOverridden
                    ? "Cannot override ProvisionedThroughput if BillingMode is overridden to PAY_PER_REQUEST"
                    : "Cannot override ProvisionedThroughput unless BillingMode is PROVISIONED");
        }
        if (modeOverridden && "PROVISIONED".equals(billingMode) && !throughputOverridden) {
            throw invalidRequest("Must override ProvisionedThroughput if BillingMode is overridden to PROVISIONED");
        }
        requireExisting(request.get("GlobalSecondaryIndexOverride"), described.get("GlobalSecondaryIndexes"));
        requireExisting(request.get("LocalSecondaryIndexOverride"), described.get("LocalSecondaryIndexes"));
        ObjectNode create = Json.object();
        create.put("BillingMode", billingMode);
        create.set("KeySchema", described.get("KeySchema"));
        create.set("LocalSecondaryIndexes", request.hasNonNull("LocalSecondaryIndexOverride")
                ? request.get("LocalSecondaryIndexOverride") : described.get("LocalSecondaryIndexes"));
        create.set("GlobalSecondaryIndexes", request.hasNonNull("GlobalSecondaryIndexOverride")
                ? request.get("GlobalSecondaryIndexOverride") : described.get("GlobalSecondaryIndexes"));
        // only the definitions the restored keys use: an index left out by an override takes its own along
        Set<String> used = new java.util.HashSet<>();
        for (String member : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
            create.path(member).forEach(index -> index.path("KeySchema")
                    .forEach(key -> used.add(key.path("AttributeName").asText())));
        }
        create.get("KeySchema").forEach(key -> used.add(key.path("AttributeName").asText()));
        // the vector indexes come back with the table, each rebuilt from the restored items, unless an override
        // leaves some out
        JsonNode vectorIndexes = request.hasNonNull("VectorIndexOverride") ? request.get("VectorIndexOverride")
                : described.get("VectorIndexes");
        if (vectorIndexes != null && !vectorIndexes.isEmpty()) {
            create.set("VectorIndexes", vectorIndexes);
            vectorIndexes.forEach(index -> index.path("SearchSchema")
                    .forEach(element -> used.add(element.path("AttributeName").asText())));
        }
        var definitions = create.putArray("AttributeDefinitions");
        described.get("AttributeDefinitions").forEach(definition -> {
            if (used.contains(definition.path("AttributeName").asText())) {
                definitions.add(definition);
            }
        });
        for (String member : List.of("LocalSecondaryIndexes", "GlobalSecondaryIndexes")) {
            if (create.path(member).isEmpty()) {
                create.remove(member);
            }
        }
        if ("PAY_PER_REQUEST".equals(billingMode) && create.has("GlobalSecondaryIndexes")) {
            // an on-demand table's indexes have no capacity of their own
            var onDemand = Json.array();
            create.get("GlobalSecondaryIndexes").forEach(index -> onDemand.add(
                    ((ObjectNode) index.deepCopy()).without("ProvisionedThroughput")));
            create.set("GlobalSecondaryIndexes", onDemand);
        }
        if ("PROVISIONED".equals(billingMode)) {
            // indexes of an on-demand table have no capacity to carry over to a provisioned one
            for (JsonNode index : create.path("GlobalSecondaryIndexes")) {
                if (index.path("ProvisionedThroughput").path("ReadCapacityUnits").asLong(0) < 1) {
                    throw invalidRequest("Must specify provisioned throughput for index "
                            + Json.text(index, "IndexName"));
                }
            }
        }
        TableSchema schema = TableSchema.parse(create, now);
        long[] throughput;
        if (request.hasNonNull("ProvisionedThroughputOverride") || !billingMode.equals(backedUp.billingMode())) {
            throughput = BillingRules.throughput(billingMode, request.get("ProvisionedThroughputOverride"));
        } else {
            throughput = new long[] {backedUp.readCapacityUnits(), backedUp.writeCapacityUnits()};
        }
        TableDefinition restored = new TableDefinition(0, name, java.util.UUID.randomUUID().toString(), now,
                schema.attributeDefinitions(), schema.hashKey(), schema.rangeKey(), billingMode, throughput[0],
                throughput[1], null, schema.globalIndexes(), schema.localIndexes(), null, false, null, null);
        return schema.vectorIndexes().isEmpty() ? restored
                : restored.withVectorIndexes(schema.vectorIndexes(), restored.attributeDefinitions());
    }

    /**
     * A restore makes no new index: an index override may rename an index of the source table, but its key schema
     * and projection must be that index's.
     */
    private static void requireExisting(JsonNode overrides, JsonNode existing) {
        if (overrides == null || overrides.isNull()) {
            return;
        }
        for (JsonNode override : overrides) {
            boolean found = false;
            for (JsonNode index : existing == null ? Json.array() : existing) {
                found |= override.path("KeySchema").equals(index.path("KeySchema"))
                        && sameProjection(override.path("Projection"), index.path("Projection"));
            }
            if (!found) {
                throw invalidRequest("Index " + Json.text(override, "IndexName") + " does not match a secondary"
                        + " index that existed in the source table and cannot be created during the restore"
                        + " operation");
            }
        }
    }

    private static boolean sameProjection(JsonNode requested, JsonNode existing) {
        Set<String> requestedAttributes = new java.util.HashSet<>();
        requested.path("NonKeyAttributes").forEach(name -> requestedAttributes.add(name.asText()));
        Set<String> existingAttributes = new java.util.HashSet<>();
        existing.path("NonKeyAttributes").forEach(name -> existingAttributes.add(name.asText()));
        return requested.path("ProjectionType").asText("").equals(existing.path("ProjectionType").asText())
                && requestedAttributes.equals(existingAttributes);
    }

    private static ApiException invalidRequest(String problem) {
        return ApiException.validation("Invalid Request: " + problem);
    }

    private Backup backup(java.sql.Connection connection, ObjectNode request) throws java.sql.SQLException {
        JsonNode arn = request.get("BackupArn");
        new Constraints().required("backupArn", arn).check();
        if (arn.asText().length() < 37) {
            throw ApiException.validation("1 validation error detected: Value '" + arn.asText() + "' at 'backupArn'"
                    + " failed to satisfy constraint: Member must have length greater than or equal to 37");
        }
        String text = arn.asText();
        if (text.startsWith("arn:") && !text.matches("arn:aws[a-z-]*:dynamodb:.*")) {
            throw ApiException.validation("Invalid Request: BackupArn is not valid");
        }
        if (!BACKUP_ARN.matcher(text).matches()) {
            throw ApiException.validation("Invalid Backup ARN");
        }
        Backup backup = backups.find(connection, arn.asText());
        if (backup == null) {
            throw ApiException.dynamoDb("BackupNotFoundException", "Backup not found: " + arn.asText());
        }
        return backup;
    }

    /** The creation time a backup ARN carries, 0 when it carries none. */
    private static long createdMillis(String arn) {
        var matcher = BACKUP_ARN.matcher(arn);
        return matcher.matches() ? Long.parseLong(matcher.group(1)) : 0;
    }

    /** DynamoDB's backup ARNs: the table's, then the creation time in milliseconds and eight hex digits. */
    static String backupArn(String tableArn, long createdMillis) {
        return tableArn + "/backup/" + String.format("%014d", createdMillis) + "-"
                + String.format("%08x", ThreadLocalRandom.current().nextInt());
    }

    /** The table name of a request that names its table by name or by ARN, as DynamoDB accepts both. */
    static String tableName(JsonNode tableName, Constraints constraints) {
        String name = tableName == null || tableName.isNull() ? null : tableName.asText();
        if (name != null && name.matches("arn:aws[a-z-]*:dynamodb:.*") && name.contains(":table/")) {
            return name.substring(name.indexOf(":table/") + ":table/".length());
        }
        constraints.tableName("tableName", tableName);
        return name;
    }

    private TableDefinition table(String name) {
        return table(catalog, name);
    }

    static TableDefinition table(TableCatalog catalog, String name) {
        TableDefinition table = catalog.find(name);
        if (table == null) {
            throw ApiException.dynamoDb("TableNotFoundException", "Table not found: " + name);
        }
        return table;
    }
}
