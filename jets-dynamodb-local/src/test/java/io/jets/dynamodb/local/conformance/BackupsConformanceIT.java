package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BackupDetails;
import software.amazon.awssdk.services.dynamodb.model.BackupNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.BackupStatus;
import software.amazon.awssdk.services.dynamodb.model.BackupSummary;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Backups: point-in-time recovery settings (DescribeContinuousBackups, UpdateContinuousBackups) and on-demand
 * backups taken, listed, restored and deleted.
 */
class BackupsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static String create(String name) {
        return Attributes.idTable(client, name);
    }

    private static ContinuousBackupsDescription describe(String tableNameOrArn) {
        return client.describeContinuousBackups(b -> b.tableName(tableNameOrArn)).continuousBackupsDescription();
    }

    private static ContinuousBackupsDescription recovery(String table, boolean enabled, Integer days) {
        return client.updateContinuousBackups(b -> b.tableName(table).pointInTimeRecoverySpecification(
                s -> s.pointInTimeRecoveryEnabled(enabled).recoveryPeriodInDays(days))).continuousBackupsDescription();
    }

    @Test
    void describeContinuousBackups_acceptsTheTableArn_forTheTableName() {
        String arn = create("ledger-by-arn");

        assertThat(describe(arn)).isEqualTo(describe("ledger-by-arn"));
        assertThat(describe(arn).pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void updateContinuousBackups_turnsRecoveryOn_with35DaysByDefault_andDescribeReportsIt() {
        create("ledger");
        Instant before = Instant.now().minusSeconds(1);

        ContinuousBackupsDescription updated = recovery("ledger", true, null);

        PointInTimeRecoveryDescription recovery = updated.pointInTimeRecoveryDescription();
        assertThat(updated.continuousBackupsStatusAsString()).isEqualTo("ENABLED");
        assertThat(recovery.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(recovery.recoveryPeriodInDays()).isEqualTo(35);
        assertThat(recovery.earliestRestorableDateTime()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(recovery.latestRestorableDateTime()).isAfterOrEqualTo(recovery.earliestRestorableDateTime());
        assertThat(describe("ledger")).isEqualTo(updated);
    }

    @Test
    void updateContinuousBackups_changesThePeriod_andTurnsRecoveryOffAgain() {
        create("journal");
        recovery("journal", true, null);

        assertThat(recovery("journal", true, 7).pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
        ContinuousBackupsDescription off = recovery("journal", false, null);

        assertThat(off.continuousBackupsStatusAsString()).isEqualTo("ENABLED");
        assertThat(off.pointInTimeRecoveryDescription())
                .isEqualTo(PointInTimeRecoveryDescription.builder().pointInTimeRecoveryStatus("DISABLED").build());
        assertThat(describe("journal")).isEqualTo(off);
    }

    @Test
    void recoveryOfADeletedTable_isNotCarriedToTheTableCreatedInItsPlace() {
        create("recreated");
        recovery("recreated", true, null);
        client.deleteTable(b -> b.tableName("recreated"));
        create("recreated");

        assertThat(describe("recreated").pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);
    }

    @Test
    void updateContinuousBackups_ofAMissingTable_isTableNotFound() {
        assertThatThrownBy(() -> recovery("never-created", true, null))
                .isInstanceOf(TableNotFoundException.class)
                .satisfies(e -> assertThat(((TableNotFoundException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Table not found: never-created"));
    }

    @Test
    void updateContinuousBackups_refusesAMissingSpecification_andAPeriodOutOfRange() {
        create("ranges");

        assertValidation(() -> client.updateContinuousBackups(b -> b.tableName("ranges")),
                "1 validation error detected: Value null at 'pointInTimeRecoverySpecification' failed to satisfy"
                        + " constraint: Member must not be null");
        assertValidation(() -> client.updateContinuousBackups(b -> b.tableName("ranges")
                        .pointInTimeRecoverySpecification(s -> s.recoveryPeriodInDays(3))),
                "1 validation error detected: Value null at"
                        + " 'pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled' failed to satisfy constraint:"
                        + " Member must not be null");
        assertValidation(() -> recovery("ranges", true, 36),
                "1 validation error detected: Value '36' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays'"
                        + " failed to satisfy constraint: Member must have value less than or equal to 35");
        assertValidation(() -> recovery("ranges", true, 0),
                "1 validation error detected: Value '0' at 'pointInTimeRecoverySpecification.recoveryPeriodInDays'"
                        + " failed to satisfy constraint: Member must have value greater than or equal to 1");
    }

    @Test
    void createBackup_copiesTheTableAsItIs_andRestoreMakesANewTableOfIt() {
        create("invoices");
        client.putItem(b -> b.tableName("invoices").item(item("id", s("inv-1"), "total", n("120"))));
        client.putItem(b -> b.tableName("invoices").item(item("id", s("inv-2"), "total", n("80"))));

        long sizeBytes = client.describeTable(b -> b.tableName("invoices")).table().tableSizeBytes();

        BackupDetails created = client.createBackup(b -> b.tableName("invoices").backupName("month-end"))
                .backupDetails();
        client.putItem(b -> b.tableName("invoices").item(item("id", s("inv-3"), "total", n("5"))));
        var restored = client.restoreTableFromBackup(b -> b.targetTableName("invoices-restored")
                .backupArn(created.backupArn())).tableDescription();

        assertThat(created.backupArn()).matches(
                "arn:aws:dynamodb:us-east-1:000000000000:table/invoices/backup/\\d{14}-[0-9a-f]{8}");
        assertThat(created.backupName()).isEqualTo("month-end");
        assertThat(created.backupTypeAsString()).isEqualTo("USER");
        assertThat(created.backupSizeBytes()).isEqualTo(sizeBytes);
        assertThat(restored.restoreSummary().sourceBackupArn()).isEqualTo(created.backupArn());
        assertThat(restored.restoreSummary().sourceTableArn())
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/invoices");
        // DynamoDB reports the summary while the restore runs, and no more once the table is ACTIVE
        assertThat(restored.restoreSummary().restoreInProgress()).isTrue();
        assertThat(client.describeTable(b -> b.tableName("invoices-restored")).table().restoreSummary()).isNull();
        assertThat(client.describeTable(b -> b.tableName("invoices")).table().restoreSummary()).isNull();
        assertThat(client.scan(b -> b.tableName("invoices-restored")).items()).containsExactlyInAnyOrder(
                item("id", s("inv-1"), "total", n("120")), item("id", s("inv-2"), "total", n("80")));
        assertThatThrownBy(() -> client.restoreTableFromBackup(b -> b.targetTableName("invoices")
                        .backupArn(created.backupArn())))
                .isInstanceOf(TableAlreadyExistsException.class)
                .hasMessageStartingWith("Table already exists: invoices");
    }

    @Test
    void describeAndListBackups_reportAvailableBackups_evenOfADeletedTable() {
        create("receipts");
        client.putItem(b -> b.tableName("receipts").item(item("id", s("r-1"))));
        BackupDetails created = client.createBackup(b -> b.tableName("receipts").backupName("before-drop"))
                .backupDetails();
        client.deleteTable(b -> b.tableName("receipts"));

        var described = client.describeBackup(b -> b.backupArn(created.backupArn())).backupDescription();
        var listed = client.listBackups(b -> b.tableName("receipts")).backupSummaries();

        assertThat(described.backupDetails().backupStatus()).isEqualTo(BackupStatus.AVAILABLE);
        assertThat(described.sourceTableDetails().tableName()).isEqualTo("receipts");
        assertThat(described.sourceTableDetails().itemCount()).isEqualTo(1);
        assertThat(described.sourceTableDetails().billingModeAsString()).isEqualTo("PAY_PER_REQUEST");
        assertThat(listed).extracting(BackupSummary::backupArn, BackupSummary::backupName, BackupSummary::tableName,
                        BackupSummary::backupStatus)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(created.backupArn(), "before-drop", "receipts",
                        BackupStatus.AVAILABLE));
    }

    @Test
    void deleteBackup_answersDeleted_andTheBackupIsGone() {
        create("drafts");
        String arn = client.createBackup(b -> b.tableName("drafts").backupName("old")).backupDetails().backupArn();

        var deleted = client.deleteBackup(b -> b.backupArn(arn)).backupDescription();

        assertThat(deleted.backupDetails().backupStatus()).isEqualTo(BackupStatus.DELETED);
        assertThat(client.listBackups(b -> b.tableName("drafts")).backupSummaries()).isEmpty();
        assertThatThrownBy(() -> client.describeBackup(b -> b.backupArn(arn)))
                .isInstanceOf(BackupNotFoundException.class)
                .hasMessageStartingWith("Backup not found: " + arn);
    }

    @Test
    void listBackups_pagesByLimit_andFiltersByTypeAndTime() {
        create("statements");
        Instant before = Instant.now().minusSeconds(1);
        for (String name : java.util.List.of("jan", "feb", "mar")) {
            client.createBackup(b -> b.tableName("statements").backupName(name));
        }

        var first = client.listBackups(b -> b.tableName("statements").limit(2));
        var second = client.listBackups(b -> b.tableName("statements").limit(2)
                .exclusiveStartBackupArn(first.lastEvaluatedBackupArn()));

        assertThat(first.backupSummaries()).extracting(BackupSummary::backupName).containsExactly("jan", "feb");
        assertThat(first.lastEvaluatedBackupArn()).isEqualTo(first.backupSummaries().get(1).backupArn());
        assertThat(second.backupSummaries()).extracting(BackupSummary::backupName).containsExactly("mar");
        assertThat(second.lastEvaluatedBackupArn()).isNull();
        assertThat(client.listBackups(b -> b.tableName("statements").backupType("SYSTEM")).backupSummaries())
                .isEmpty();
        assertThat(client.listBackups(b -> b.tableName("statements").backupType("ALL")).backupSummaries())
                .hasSize(3);
        assertThat(client.listBackups(b -> b.tableName("statements").timeRangeUpperBound(before))
                .backupSummaries()).isEmpty();
        assertValidation(() -> client.listBackups(b -> b.limit(101)), "1 validation error detected: Value '101' at"
                + " 'limit' failed to satisfy constraint: Member must have value less than or equal to 100");
    }
}
