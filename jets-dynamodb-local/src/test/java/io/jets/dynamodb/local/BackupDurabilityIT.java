package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;

/** Point-in-time recovery settings and backups are kept in the store, like the tables and items they belong to. */
class BackupDurabilityIT {

    @Test
    void restart_keepsRecoverySettingsAndBackups(@TempDir Path data) {
        String backupArn;
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            Clients.createTable(client, "archive", false, null);
            client.putItem(b -> b.tableName("archive").item(Map.of("id", s("box-1"))));
            client.updateContinuousBackups(b -> b.tableName("archive")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(9)));
            backupArn = client.createBackup(b -> b.tableName("archive").backupName("yearly")).backupDetails()
                    .backupArn();
            client.putItem(b -> b.tableName("archive").item(Map.of("id", s("box-2"))));
        }
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            var recovery = client.describeContinuousBackups(b -> b.tableName("archive"))
                    .continuousBackupsDescription().pointInTimeRecoveryDescription();
            client.restoreTableFromBackup(b -> b.targetTableName("archive-again").backupArn(backupArn));

            assertThat(recovery.pointInTimeRecoveryStatus()).isEqualTo(PointInTimeRecoveryStatus.ENABLED);
            assertThat(recovery.recoveryPeriodInDays()).isEqualTo(9);
            assertThat(client.describeBackup(b -> b.backupArn(backupArn)).backupDescription().backupDetails()
                    .backupName()).isEqualTo("yearly");
            assertThat(client.scan(b -> b.tableName("archive-again")).items())
                    .containsExactly(Map.of("id", s("box-1")));
        }
    }

    @Test
    void restart_keepsWhatAPointInTimeRestoreReadsBack(@TempDir Path data) {
        MutableClock clock = new MutableClock(Instant.parse("2026-04-01T08:00:00Z"));
        Instant between;
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).clock(clock).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            Clients.createTable(client, "shelf", false, null);
            client.updateContinuousBackups(b -> b.tableName("shelf")
                    .pointInTimeRecoverySpecification(p -> p.pointInTimeRecoveryEnabled(true)));
            client.putItem(b -> b.tableName("shelf").item(Map.of("id", s("book"), "copies", Clients.n("1"))));
            clock.advance(Duration.ofMinutes(1));
            between = clock.instant();
            clock.advance(Duration.ofMinutes(1));
            client.putItem(b -> b.tableName("shelf").item(Map.of("id", s("book"), "copies", Clients.n("2"))));
        }
        // the latest restorable time trails the present by five minutes
        clock.advance(Duration.ofMinutes(10));
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).clock(clock).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            client.restoreTableToPointInTime(b -> b.sourceTableName("shelf").targetTableName("shelf-then")
                    .restoreDateTime(between));

            assertThat(client.scan(b -> b.tableName("shelf-then")).items())
                    .containsExactly(Map.of("id", s("book"), "copies", Clients.n("1")));
        }
    }
}
