package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.InvalidRestoreTimeException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryDescription;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.RestoreTableToPointInTimeRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SourceTableFeatureDetails;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TableAlreadyExistsException;
import software.amazon.awssdk.services.dynamodb.model.TableClass;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * RestoreTableToPointInTime: a new table holding the items as they were at a time within the recovery window
 * DescribeContinuousBackups reports, driven by the server's clock.
 */
class PointInTimeRecoveryIT {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T09:00:00Z"));

    @RegisterExtension
    final LocalServer local = LocalServer.start(b -> b.clock(clock));
    private final DynamoDbClient client = local.dynamoDb();

    private void recovery(String table, boolean enabled) {
        client.updateContinuousBackups(b -> b.tableName(table)
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(enabled)));
    }

    private PointInTimeRecoveryDescription window(String table) {
        return client.describeContinuousBackups(b -> b.tableName(table)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription();
    }

    private void put(String table, String id, String version) {
        client.putItem(b -> b.tableName(table).item(Map.of("id", s(id), "version", n(version))));
    }

    private TableDescription restore(Consumer<RestoreTableToPointInTimeRequest.Builder> request) {
        return client.restoreTableToPointInTime(request).tableDescription();
    }

    private Map<String, String> versions(String table) {
        Map<String, String> versions = new java.util.TreeMap<>();
        for (Map<String, AttributeValue> item : client.scan(b -> b.tableName(table)).items()) {
            versions.put(item.get("id").s(), item.get("version").n());
        }
        return versions;
    }

    private Instant tick() {
        clock.advance(Duration.ofMinutes(1));
        return clock.instant();
    }

    @Test
    void restoreToPointInTime_holdsTheItemsAsTheyWereAtThatTime() {
        Clients.createTable(client, "ledger", false, StreamViewType.NEW_IMAGE);
        put("ledger", "a", "1");
        put("ledger", "b", "1");
        recovery("ledger", true);
        Instant enabled = clock.instant();
        tick();
        put("ledger", "a", "2");
        client.deleteItem(b -> b.tableName("ledger").key(Map.of("id", s("b"))));
        put("ledger", "c", "1");
        Instant middle = tick();
        tick();
        put("ledger", "a", "3");
        client.updateItem(b -> b.tableName("ledger").key(Map.of("id", s("c")))
                .updateExpression("SET version = :v").expressionAttributeValues(Map.of(":v", n("2"))));
        put("ledger", "a", "4");
        // DynamoDB's latest restorable time trails the present by five minutes
        clock.advance(Duration.ofMinutes(10));

        TableDescription atMiddle = restore(b -> b.sourceTableName("ledger").targetTableName("ledger-middle")
                .restoreDateTime(middle));
        restore(b -> b.sourceTableName("ledger").targetTableName("ledger-enabled").restoreDateTime(enabled));
        TableDescription latest = restore(b -> b.sourceTableName("ledger").targetTableName("ledger-latest")
                .useLatestRestorableTime(true));

        assertThat(versions("ledger-middle")).isEqualTo(Map.of("a", "2", "c", "1"));
        assertThat(versions("ledger-enabled")).isEqualTo(Map.of("a", "1", "b", "1"));
        assertThat(versions("ledger-latest")).isEqualTo(versions("ledger")).isEqualTo(Map.of("a", "4", "c", "2"));
        assertThat(atMiddle.itemCount()).isEqualTo(2);
        assertThat(atMiddle.restoreSummary().sourceTableArn())
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/ledger");
        assertThat(atMiddle.restoreSummary().sourceBackupArn()).isNull();
        assertThat(atMiddle.restoreSummary().restoreDateTime()).isEqualTo(middle);
        assertThat(latest.restoreSummary().restoreDateTime()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)))
                .isEqualTo(window("ledger").latestRestorableDateTime());
        assertThat(atMiddle.restoreSummary().restoreInProgress()).isTrue();
        // like DynamoDB's, a restored table has no stream of its own, and once ACTIVE no restore summary
        TableDescription described = client.describeTable(b -> b.tableName("ledger-middle")).table();
        assertThat(described.latestStreamArn()).isNull();
        assertThat(described.restoreSummary()).isNull();
    }

    @Test
    void restoreToPointInTime_acceptsTheWindowDescribeContinuousBackupsReports_andNoTimeOutsideIt() {
        Clients.createTable(client, "orders", false, null);
        put("orders", "o-1", "1");
        recovery("orders", true);
        tick();
        put("orders", "o-1", "2");
        clock.advance(Duration.ofMinutes(10));

        PointInTimeRecoveryDescription window = window("orders");
        restore(b -> b.sourceTableName("orders").targetTableName("orders-earliest")
                .restoreDateTime(window.earliestRestorableDateTime()));
        restore(b -> b.sourceTableName("orders").targetTableName("orders-latest")
                .restoreDateTime(window.latestRestorableDateTime()));

        assertThat(window.latestRestorableDateTime()).isEqualTo(clock.instant().minus(Duration.ofMinutes(5)));
        assertThat(versions("orders-earliest")).isEqualTo(Map.of("o-1", "1"));
        assertThat(versions("orders-latest")).isEqualTo(Map.of("o-1", "2"));
        for (Instant outside : new Instant[] {window.earliestRestorableDateTime().minusSeconds(1),
            window.latestRestorableDateTime().plusMillis(1), clock.instant().plusSeconds(1)}) {
            assertThatThrownBy(() -> restore(b -> b.sourceTableName("orders").targetTableName("orders-outside")
                    .restoreDateTime(outside)))
                    .isInstanceOf(InvalidRestoreTimeException.class)
                    .satisfies(e -> assertThat(message(e)).isEqualTo("RestoreDateTime '" + seconds(outside)
                            + "' must be within EarliestRestorableDateTime '"
                            + seconds(window.earliestRestorableDateTime()) + "' and LatestRestorableDateTime '"
                            + seconds(window.latestRestorableDateTime()) + "'"));
        }
    }

    @Test
    void rightAfterRecoveryIsTurnedOn_onlyThatInstantIsRestorable_asTheLatestTimeTrailsThePresentByFiveMinutes() {
        Clients.createTable(client, "drafts", false, null);
        put("drafts", "d-1", "1");
        recovery("drafts", true);
        Instant enabled = clock.instant();
        tick();
        put("drafts", "d-1", "2");
        tick();

        TableDescription latest = restore(b -> b.sourceTableName("drafts").targetTableName("drafts-latest")
                .useLatestRestorableTime(true));

        assertThat(window("drafts").earliestRestorableDateTime()).isEqualTo(enabled);
        assertThat(window("drafts").latestRestorableDateTime()).isEqualTo(enabled);
        assertThat(versions("drafts-latest")).isEqualTo(Map.of("d-1", "1"));
        assertThat(latest.restoreSummary().restoreDateTime()).isEqualTo(enabled);
        assertThatThrownBy(() -> restore(b -> b.sourceTableName("drafts").targetTableName("drafts-now")
                .restoreDateTime(clock.instant())))
                .isInstanceOf(InvalidRestoreTimeException.class)
                .satisfies(e -> assertThat(message(e)).isEqualTo("RestoreDateTime '" + clock.instant()
                        + "' must be within EarliestRestorableDateTime '" + enabled + "' and LatestRestorableDateTime '"
                        + enabled + "'"));
    }

    @Test
    void recoveryTurnedOffAndOnAgain_restoresOnlyFromTheTimeItWasTurnedOnAgain() {
        Clients.createTable(client, "notes", false, null);
        recovery("notes", true);
        Instant first = clock.instant();
        put("notes", "n-1", "1");
        tick();
        recovery("notes", false);
        put("notes", "n-1", "2");
        tick();
        recovery("notes", true);
        Instant again = clock.instant();
        tick();
        put("notes", "n-1", "3");
        tick();

        restore(b -> b.sourceTableName("notes").targetTableName("notes-again").restoreDateTime(again));

        assertThat(window("notes").earliestRestorableDateTime()).isEqualTo(again);
        assertThat(versions("notes-again")).isEqualTo(Map.of("n-1", "2"));
        assertThatThrownBy(() -> restore(b -> b.sourceTableName("notes").targetTableName("notes-first")
                .restoreDateTime(first)))
                .isInstanceOf(InvalidRestoreTimeException.class);
    }

    @Test
    void restoreToPointInTime_namesTheSourceByArn_andKeepsItsCurrentIndexesAndBilling_butNotItsTableClass() {
        client.createTable(b -> b.tableName("people").billingMode("PROVISIONED")
                .provisionedThroughput(t -> t.readCapacityUnits(3L).writeCapacityUnits(4L))
                .attributeDefinitions(Clients.attribute("id", ScalarAttributeType.S),
                        Clients.attribute("city", ScalarAttributeType.S))
                .keySchema(Clients.key("id", KeyType.HASH))
                .tableClass(TableClass.STANDARD_INFREQUENT_ACCESS)
                .globalSecondaryIndexes(g -> g.indexName("by-city")
                        .keySchema(Clients.key("city", KeyType.HASH))
                        .projection(p -> p.projectionType("ALL"))
                        .provisionedThroughput(t -> t.readCapacityUnits(1L).writeCapacityUnits(1L))));
        client.putItem(b -> b.tableName("people").item(Map.of("id", s("p-1"), "city", s("Oslo"))));
        recovery("people", true);
        tick();

        TableDescription restored = restore(b -> b.sourceTableArn(
                "arn:aws:dynamodb:us-east-1:000000000000:table/people").targetTableName("people-copy")
                .useLatestRestorableTime(true));

        assertThat(restored.billingModeSummary()).isNull();
        assertThat(restored.tableClassSummary()).isNull();
        assertThat(restored.provisionedThroughput().readCapacityUnits()).isEqualTo(3L);
        assertThat(restored.globalSecondaryIndexes()).singleElement()
                .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-city"));
        assertThat(client.query(b -> b.tableName("people-copy").indexName("by-city")
                .keyConditionExpression("city = :c").expressionAttributeValues(Map.of(":c", s("Oslo"))))
                .count()).isEqualTo(1);
    }

    @Test
    void restores_keepTheSourceTablesEncryptionKey_unlessTheRequestOverridesIt() {
        client.createTable(b -> b.tableName("vault").billingMode("PAY_PER_REQUEST")
                .attributeDefinitions(Clients.attribute("id", ScalarAttributeType.S))
                .keySchema(Clients.key("id", KeyType.HASH))
                .sseSpecification(e -> e.enabled(true).sseType("KMS").kmsMasterKeyId("alias/vault-key")));
        recovery("vault", true);
        String backupArn = client.createBackup(b -> b.tableName("vault").backupName("nightly")).backupDetails()
                .backupArn();

        TableDescription kept = restore(b -> b.sourceTableName("vault").targetTableName("vault-kept")
                .useLatestRestorableTime(true));
        TableDescription plain = restore(b -> b.sourceTableName("vault").targetTableName("vault-plain")
                .useLatestRestorableTime(true).sseSpecificationOverride(e -> e.enabled(false)));
        TableDescription fromBackup = client.restoreTableFromBackup(b -> b.backupArn(backupArn)
                .targetTableName("vault-backup")).tableDescription();

        assertThat(kept.sseDescription().kmsMasterKeyArn())
                .isEqualTo("arn:aws:kms:us-east-1:000000000000:alias/vault-key");
        assertThat(fromBackup.sseDescription()).isEqualTo(kept.sseDescription());
        assertThat(plain.sseDescription()).isNull();
        assertThat(client.describeBackup(b -> b.backupArn(backupArn)).backupDescription().sourceTableFeatureDetails()
                .sseDescription()).isEqualTo(kept.sseDescription().toBuilder().status("ENABLED").build());
    }

    @Test
    void restoreToPointInTime_refusesWhatDynamoDbRefuses() {
        Clients.createTable(client, "plain", false, null);
        Clients.createTable(client, "guarded", false, null);
        recovery("guarded", true);

        assertThatThrownBy(() -> restore(b -> b.sourceTableName("plain").targetTableName("plain-copy")
                .useLatestRestorableTime(true)))
                .isInstanceOf(PointInTimeRecoveryUnavailableException.class)
                .satisfies(e -> assertThat(message(e))
                        .isEqualTo("Point in time recovery is not enabled for table 'plain'"));
        assertThatThrownBy(() -> restore(b -> b.sourceTableName("missing").targetTableName("missing-copy")
                .useLatestRestorableTime(true)))
                .isInstanceOf(TableNotFoundException.class)
                .satisfies(e -> assertThat(message(e)).isEqualTo("Table not found: missing"));
        assertThatThrownBy(() -> restore(b -> b.sourceTableName("guarded").targetTableName("plain")
                .useLatestRestorableTime(true)))
                .isInstanceOf(TableAlreadyExistsException.class)
                .satisfies(e -> assertThat(message(e)).isEqualTo("Table already exists: plain"));
        assertThatThrownBy(() -> restore(b -> b.sourceTableName("guarded").targetTableName("guarded-copy")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Invalid Request: Either one of RestoreDateTime"
                        + " or UseLatestRestorableTime must be specified, but not both"));
        assertThatThrownBy(() -> restore(b -> b.sourceTableName("guarded").targetTableName("guarded-copy")
                .useLatestRestorableTime(true).restoreDateTime(clock.instant())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Invalid Request: Both RestoreDateTime and"
                        + " UseLatestRestorableTime cannot be set for point-in-time restore request. Please specify"
                        + " either RestoreDateTime time or UseLatestRestorableTime"));
        assertThatThrownBy(() -> restore(b -> b.sourceTableName("guarded").sourceTableArn(
                "arn:aws:dynamodb:us-east-1:000000000000:table/guarded").targetTableName("guarded-copy")
                .useLatestRestorableTime(true)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e))
                        .isEqualTo("Must provide exactly one of: sourceTableArn, sourceTableName"));
        assertThatThrownBy(() -> restore(b -> b.targetTableName("guarded-copy").useLatestRestorableTime(true)))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e))
                        .isEqualTo("The parameter 'TableName' is required but was not present in the request"));
        assertThat(client.listTables().tableNames()).containsExactly("guarded", "plain");
    }

    @Test
    void updateContinuousBackups_refusesARecoveryPeriod_whenTurningRecoveryOff() {
        Clients.createTable(client, "periods", false, null);
        recovery("periods", true);

        assertThatThrownBy(() -> client.updateContinuousBackups(b -> b.tableName("periods")
                .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(false).recoveryPeriodInDays(7))))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Invalid Request: Cannot specify"
                        + " RecoveryPeriodInDays when disabling point-in-time recovery."));
        assertThat(window("periods").pointInTimeRecoveryStatusAsString()).isEqualTo("ENABLED");
    }

    @Test
    void deletingATableWithRecoveryOn_leavesASystemBackupOfIt_kept35Days_thatOnlyExpiryDeletes() {
        Clients.createTable(client, "archive", false, null);
        Clients.createTable(client, "scratch", false, null);
        put("archive", "a", "1");
        recovery("archive", true);
        tick();
        client.deleteTable(b -> b.tableName("archive"));
        client.deleteTable(b -> b.tableName("scratch"));

        var system = client.listBackups(b -> b.backupType("SYSTEM")).backupSummaries();
        client.restoreTableFromBackup(b -> b.backupArn(system.get(0).backupArn()).targetTableName("archive-recovered"));

        assertThat(system).singleElement().satisfies(backup -> {
            assertThat(backup.tableName()).isEqualTo("archive");
            assertThat(backup.backupName()).isEqualTo("archive$DeletedTableBackup");
            assertThat(backup.backupTypeAsString()).isEqualTo("SYSTEM");
            assertThat(backup.backupCreationDateTime()).isEqualTo(clock.instant());
            assertThat(backup.backupExpiryDateTime()).isEqualTo(clock.instant().plus(Duration.ofDays(35)));
            assertThat(backup.backupArn()).endsWith("-00000000");
        });
        assertThat(client.describeBackup(b -> b.backupArn(system.get(0).backupArn())).backupDescription()
                .sourceTableFeatureDetails()).isEqualTo(SourceTableFeatureDetails.builder().build());
        assertThat(client.listBackups(b -> b.tableName("archive")).backupSummaries()).isEmpty();
        assertThat(versions("archive-recovered")).isEqualTo(Map.of("a", "1"));
        assertThatThrownBy(() -> client.deleteBackup(b -> b.backupArn(system.get(0).backupArn())))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Invalid Request: User is not allowed to delete"
                        + " the system backup with arn " + system.get(0).backupArn() + ". It will automatically"
                        + " expire on " + clock.instant().plus(Duration.ofDays(35))));
    }

    @Test
    void listBackups_timeRange_includesItsLowerBound_andExcludesItsUpperBound() {
        Clients.createTable(client, "ranged", false, null);
        Instant created = clock.instant();
        client.createBackup(b -> b.tableName("ranged").backupName("at-the-bound"));

        assertThat(client.listBackups(b -> b.timeRangeLowerBound(created)).backupSummaries()).hasSize(1);
        assertThat(client.listBackups(b -> b.timeRangeUpperBound(created)).backupSummaries()).isEmpty();
        assertThat(client.listBackups(b -> b.timeRangeUpperBound(created.plusMillis(1))).backupSummaries())
                .hasSize(1);
    }

    @Test
    void listBackups_resumesAfterTheTimeOfAStartArnNoLongerListed() {
        Clients.createTable(client, "cursor", false, null);
        String first = client.createBackup(b -> b.tableName("cursor").backupName("first")).backupDetails()
                .backupArn();
        tick();
        client.createBackup(b -> b.tableName("cursor").backupName("second"));
        client.deleteBackup(b -> b.backupArn(first));

        assertThat(client.listBackups(b -> b.exclusiveStartBackupArn(first)).backupSummaries())
                .extracting(summary -> summary.backupName()).containsExactly("second");
    }

    @Test
    void describeBackup_refusesWhatIsNotABackupArn() {
        assertThatThrownBy(() -> client.describeBackup(b -> b.backupArn(
                "arn:aws:dynamodb:us-east-1:000000000000:table/ledger-table-without-backup")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Invalid Backup ARN"));
        assertThatThrownBy(() -> client.describeBackup(b -> b.backupArn(
                "arn:aws:s3:us-east-1:000000000000:table/ledger/backup/01700000000000-0a1b2c3d")))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("Invalid Request: BackupArn is not valid"));
    }

    @Test
    void listBackups_refusesATimeRangeWhoseLowerBoundIsAfterItsUpperBound() {
        assertThatThrownBy(() -> client.listBackups(b -> b.timeRangeLowerBound(clock.instant())
                .timeRangeUpperBound(clock.instant().minusSeconds(60))))
                .satisfies(e -> assertThat(errorCode(e)).isEqualTo("ValidationException"))
                .satisfies(e -> assertThat(message(e)).isEqualTo("One or more parameter values were invalid: Time"
                        + " range lower bound must be less than or equal to upper bound"));
    }

    /** How DynamoDB's restore messages write a time: ISO-8601, whole seconds. */
    private static Instant seconds(Instant time) {
        return time.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static String message(Throwable e) {
        return ((AwsServiceException) e).awsErrorDetails().errorMessage();
    }

    private static String errorCode(Throwable e) {
        return ((AwsServiceException) e).awsErrorDetails().errorCode();
    }
}
