package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableOptions;
import java.time.Clock;

/**
 * Continuous backups: DescribeContinuousBackups, which infrastructure tools (Terraform, CDK, the console) call for
 * every table, and UpdateContinuousBackups, which turns point-in-time recovery on and off. Backups are always on
 * and recovery off for a new table, as DynamoDB reports them; the recovery settings are kept and reported, though
 * there is no point in time to restore to here.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateContinuousBackups.html">
 *     UpdateContinuousBackups</a>
 */
public final class ContinuousBackupOperations {

    private static final int DEFAULT_RECOVERY_PERIOD_DAYS = 35;
    // DynamoDB can restore up to about five minutes before the present
    private static final long RESTORE_LAG_MILLIS = 5 * 60 * 1000;

    private final Database database;
    private final TableCatalog catalog;
    private final Clock clock;

    public ContinuousBackupOperations(Database database, TableCatalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
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
        TableDefinition current = BackupOperations.table(catalog, name);
        boolean enable = specification.get("PointInTimeRecoveryEnabled").asBoolean();
        int period = specification.hasNonNull("RecoveryPeriodInDays")
                ? specification.get("RecoveryPeriodInDays").asInt() : DEFAULT_RECOVERY_PERIOD_DAYS;
        long now = clock.millis();
        TableDefinition updated = database.write(connection -> {
            TableDefinition table = BackupOperations.table(catalog, current.name());
            TableOptions options = table.options();
            if (!enable) {
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
        long earliest = Math.max(options.recoveryEnabledMillis(),
                now - options.recoveryPeriodInDays() * 24L * 3600 * 1000);
        recovery.put("PointInTimeRecoveryStatus", "ENABLED");
        recovery.put("RecoveryPeriodInDays", options.recoveryPeriodInDays());
        recovery.put("EarliestRestorableDateTime", TableDescriptions.seconds(earliest));
        recovery.put("LatestRestorableDateTime", TableDescriptions.seconds(Math.max(earliest,
                now - RESTORE_LAG_MILLIS)));
        return response;
    }
}
