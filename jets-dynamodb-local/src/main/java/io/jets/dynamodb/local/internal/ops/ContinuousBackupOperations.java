package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemHistory;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.table.BackupCatalog;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/**
 * Continuous backups: DescribeContinuousBackups, which infrastructure tools (Terraform, CDK, the console) call for
 * every table, UpdateContinuousBackups, which turns point-in-time recovery on and off, and
 * RestoreTableToPointInTime. Backups are always on and recovery off for a new table, as DynamoDB reports them.
 * While recovery is on, every change keeps the version it replaces ({@link ItemHistory}), so that a table can be
 * restored as it was at any time since recovery was turned on, within the recovery period.
 *
 * <p>DynamoDB reports the latest restorable time as about five minutes before the present (never before the
 * earliest), UseLatestRestorableTime restores to it, and a RestoreDateTime must lie between the two: right after
 * recovery is turned on, only that instant can be restored.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html">
 *     UpdateContinuousBackups</a>
 */
public final class ContinuousBackupOperations {

    private static final int DEFAULT_RECOVERY_PERIOD_DAYS = 35;
    private static final long DAY_MILLIS = 24L * 3600 * 1000;
    // DynamoDB can restore up to about five minutes before the present
    private static final long RESTORE_LAG_MILLIS = 5 * 60 * 1000;

    private final Database database;
    private final TableCatalog catalog;
    private final ItemHistory history;
    private final ItemStore items = new ItemStore();
    private final Clock clock;

    public ContinuousBackupOperations(Database database, TableCatalog catalog, ItemHistory history, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.history = history;
        this.clock = clock;
    }

    public ObjectNode describeContinuousBackups(ObjectNode request) {
        Constraints constraints = new Constraints();
        String name = BackupOperations.tableName(request.get("TableName"), constraints);
        constraints.check();
        return description(BackupOperations.table(catalog, name).options());
    }

    public ObjectNode updateContinuousBackups(ObjectNode request) {
        JsonNode specification = request.get("PointInTimeRecoverySpecification");
        Constraints constraints = new Constraints();
        String name = BackupOperations.tableName(request.get("TableName"), constraints);
        constraints.required("pointInTimeRecoverySpecification", specification);
        if (specification != null && !specification.isNull()) {
            constraints.required("pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled",
                            specification.get("PointInTimeRecoveryEnabled"))
                    .range("pointInTimeRecoverySpecification.recoveryPeriodInDays",
                            specification.get("RecoveryPeriodInDays"), 1, DEFAULT_RECOVERY_PERIOD_DAYS);
        }
        constraints.check();
        boolean enable = specification.get("PointInTimeRecoveryEnabled").asBoolean();
        if (!enable && specification.hasNonNull("RecoveryPeriodInDays")) {
            throw ApiException.validation("Invalid Request: Cannot specify RecoveryPeriodInDays when disabling"
                    + " point-in-time recovery.");
        }
        TableDefinition current = BackupOperations.table(catalog, name);
        int period = specification.hasNonNull("RecoveryPeriodInDays")
                ? specification.get("RecoveryPeriodInDays").asInt() : DEFAULT_RECOVERY_PERIOD_DAYS;
        long now = clock.millis();
        TableDefinition updated = database.write(connection -> {
            TableDefinition table = BackupOperations.table(catalog, current.name());
            TableOptions options = table.options();
            if (!enable) {
                // turning recovery off drops what could be restored; turning it on again starts afresh
                history.forget(connection, table.id());
                options = options.withRecovery(0, 0);
            } else if (options.recoveryPeriodInDays() == 0) {
                options = options.withRecovery(period, now);
            } else {
                // changing the period of running recovery keeps what can already be restored
                options = options.withRecovery(period, options.recoveryEnabledMillis());
            }
            table = table.withOptions(options);
            catalog.update(connection, table);
            return table;
        });
        return description(updated.options());
    }

    private ObjectNode description(TableOptions options) {
        ObjectNode response = Json.object();
        ObjectNode description = response.putObject("ContinuousBackupsDescription");
        description.put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode recovery = description.putObject("PointInTimeRecoveryDescription");
        if (options.recoveryPeriodInDays() == 0) {
            recovery.put("PointInTimeRecoveryStatus", "DISABLED");
            return response;
        }
        long now = clock.millis();
        recovery.put("PointInTimeRecoveryStatus", "ENABLED");
        recovery.put("RecoveryPeriodInDays", options.recoveryPeriodInDays());
        recovery.put("EarliestRestorableDateTime", TableDescriptions.seconds(earliest(options, now)));
        recovery.put("LatestRestorableDateTime", TableDescriptions.seconds(latest(options, now)));
        return response;
    }

    private static long earliest(TableOptions options, long now) {
        return Math.max(options.recoveryEnabledMillis(), now - options.recoveryPeriodInDays() * DAY_MILLIS);
    }

    private static long latest(TableOptions options, long now) {
        return Math.max(earliest(options, now), now - RESTORE_LAG_MILLIS);
    }

    /**
     * A new table holding the source table's items as they were at the requested time, with the source's current
     * key schema, indexes, billing and encryption unless overridden. Like DynamoDB's, it has no stream, time to
     * live, tags or point-in-time recovery of its own.
     *
     * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_RestoreTableToPointInTime.html">
     *     RestoreTableToPointInTime</a>
     */
    public ObjectNode restoreTableToPointInTime(ObjectNode request, RequestContext context) {
        JsonNode sourceTableArn = request.get("SourceTableArn");
        boolean byArn = sourceTableArn != null && !sourceTableArn.isNull();
        boolean byName = request.hasNonNull("SourceTableName");
        Constraints constraints = new Constraints();
        if (byName) {
            constraints.tableName("sourceTableName", request.get("SourceTableName"));
        }
        constraints.tableName("targetTableName", request.get("TargetTableName"))
                .oneOf("billingModeOverride", request.get("BillingModeOverride"),
                        Set.of("PROVISIONED", "PAY_PER_REQUEST"), "[PROVISIONED, PAY_PER_REQUEST]");
        ServerSideEncryption.checkType(constraints, "sSESpecificationOverride",
                request.get("SSESpecificationOverride")).check();
        ServerSideEncryption.requireSupportedType(request.get("SSESpecificationOverride"));
        boolean useLatest = request.path("UseLatestRestorableTime").asBoolean(false);
        JsonNode requestedTime = request.get("RestoreDateTime");
        boolean timed = requestedTime != null && !requestedTime.isNull();
        if (useLatest && timed) {
            throw ApiException.validation("Invalid Request: Both RestoreDateTime and UseLatestRestorableTime"
                    + " cannot be set for point-in-time restore request. Please specify either RestoreDateTime time or"
                    + " UseLatestRestorableTime");
        }
        if (!useLatest && !timed) {
            throw ApiException.validation("Invalid Request: Either one of RestoreDateTime or"
                    + " UseLatestRestorableTime must be specified, but not both");
        }
        if (byArn && byName) {
            throw ApiException.validation("Must provide exactly one of: sourceTableArn, sourceTableName");
        }
        if (!byArn && !byName) {
            throw ApiException.validation("The parameter 'TableName' is required but was not present in the"
                    + " request");
        }
        String sourceName = byName ? Json.text(request, "SourceTableName")
                : BackupOperations.tableName(sourceTableArn, new Constraints());
        String target = Json.text(request, "TargetTableName");
        long now = clock.millis();
        TableDefinition restored = database.write(connection -> {
            TableDefinition source = BackupOperations.table(catalog, sourceName);
            TableOptions options = source.options();
            if (options.recoveryPeriodInDays() == 0) {
                throw ApiException.dynamoDb("PointInTimeRecoveryUnavailableException",
                        "Point in time recovery is not enabled for table '" + sourceName + "'");
            }
            long at = useLatest ? latest(options, now) : restoreMillis(requestedTime);
            if (at < earliest(options, now) || at > latest(options, now)) {
                throw ApiException.dynamoDb("InvalidRestoreTimeException", "RestoreDateTime " + quoted(at)
                        + " must be within EarliestRestorableDateTime " + quoted(earliest(options, now))
                        + " and LatestRestorableDateTime " + quoted(latest(options, now)));
            }
            if (catalog.find(target) != null) {
                throw ApiException.dynamoDb("TableAlreadyExistsException", "Table already exists: " + target);
            }
            String sourceArn = TableDescriptions.tableArn(context.region(), source.name());
            TableDefinition table = BackupOperations.restoredTable(source, target, request, context.region(), now);
            TableOptions restoredOptions = TableOptions.DEFAULT.withRestore(
                    new TableOptions.Restore(null, sourceArn, at));
            String keyArn = request.has("SSESpecificationOverride")
                    ? ServerSideEncryption.keyArn(request.get("SSESpecificationOverride"), context.region())
                    : options.kmsMasterKeyArn();
            TableDefinition stored = catalog.insert(connection, table.withOptions(
                    restoredOptions.withKmsMasterKeyArn(keyArn)));
            history.copyAsOf(connection, source.id(), stored.id(), at);
            catalog.indexCopiedItems(connection, stored);
            return stored;
        });
        long[] stats = database.read(connection -> new long[] {
            items.count(connection, restored.id()), items.totalSize(connection, restored.id())});
        ObjectNode response = Json.object();
        response.set("TableDescription", TableDescriptions.describe(restored, "CREATING", stats[0], stats[1],
                context.region()).set("RestoreSummary", TableDescriptions.restoreSummary(restored)));
        return response;
    }

    /** A time as DynamoDB's restore messages quote it: ISO-8601 in UTC, to the second. */
    private static String quoted(long millis) {
        return "'" + Instant.ofEpochMilli(millis).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "'";
    }

    private static long restoreMillis(JsonNode time) {
        return new BigDecimal(time.asText()).movePointRight(3).longValue();
    }

    /**
     * Drops the history no restore can reach any more (versions replaced before each table's earliest time) and
     * the SYSTEM backups of deleted tables once they expire.
     */
    public void trim(Connection connection) throws SQLException {
        long now = clock.millis();
        BackupCatalog backups = new BackupCatalog();
        for (BackupCatalog.Backup backup : backups.all(connection)) {
            if (backup.expiresMillis() != 0 && backup.expiresMillis() <= now) {
                backups.delete(connection, backup);
            }
        }
        for (String name : catalog.names()) {
            TableDefinition table = catalog.find(name);
            if (table != null && table.options().recoveryPeriodInDays() > 0) {
                history.trim(connection, table.id(), earliest(table.options(), now));
            }
        }
    }
}
