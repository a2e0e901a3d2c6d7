package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.KinesisStreamingDestinationConformanceIT.AUDIT;
import static io.jets.dynamodb.local.conformance.KinesisStreamingDestinationConformanceIT.ORDERS;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/**
 * The requests of the Kinesis streaming destination operations DynamoDB refuses before looking at a destination,
 * the table they name (by name or ARN, missing), and what becomes of the destinations when the table is deleted or
 * restored.
 */
class KinesisStreamingDestinationRequestsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static void enable(String table, String stream) {
        client.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream));
    }

    @Test
    void theTableMayBeNamedByItsArn_andAnswersNameIt() {
        String arn = Attributes.idTable(client, "kds-by-arn");

        var enabled = client.enableKinesisStreamingDestination(b -> b.tableName(arn).streamArn(ORDERS));
        var described = client.describeKinesisStreamingDestination(b -> b.tableName(arn));

        assertThat(enabled.tableName()).isEqualTo("kds-by-arn");
        assertThat(described.tableName()).isEqualTo("kds-by-arn");
        assertThat(described.kinesisDataStreamDestinations()).hasSize(1);
    }

    @Test
    void everyOperation_onAMissingTable_isResourceNotFound() {
        String message = "Requested resource not found: Table: kds-missing not found";

        assertThatThrownBy(() -> enable("kds-missing", ORDERS))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith(message);
        assertThatThrownBy(() -> client.disableKinesisStreamingDestination(b -> b.tableName("kds-missing")
                .streamArn(ORDERS))).isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith(message);
        assertThatThrownBy(() -> client.updateKinesisStreamingDestination(b -> b.tableName("kds-missing")
                .streamArn(ORDERS).updateKinesisStreamingConfiguration(c -> c
                        .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND))))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith(message);
        assertThatThrownBy(() -> client.describeKinesisStreamingDestination(b -> b.tableName("kds-missing")))
                .isInstanceOf(ResourceNotFoundException.class).hasMessageStartingWith(message);
    }

    @Test
    void aStreamArnShorterThan37Characters_failsItsLengthConstraint() {
        Attributes.idTable(client, "kds-short");

        assertValidation(() -> enable("kds-short", "arn:aws:kinesis:us-east-1:1:stream/a"),
                "1 validation error detected: Value 'arn:aws:kinesis:us-east-1:1:stream/a' at 'streamArn' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 37");
    }

    @Test
    void aStreamArnThatIsNoArn_isRefused() {
        Attributes.idTable(client, "kds-no-arn");

        assertValidation(() -> enable("kds-no-arn", "order-changes-stream-of-the-orders-table"),
                "One or more parameter values were invalid: StreamArn is not a valid ARN:"
                        + " order-changes-stream-of-the-orders-table");
    }

    @Test
    void anUnknownPrecision_failsItsEnumConstraint() {
        Attributes.idTable(client, "kds-enum");

        assertValidation(() -> client.enableKinesisStreamingDestination(b -> b.tableName("kds-enum").streamArn(ORDERS)
                        .enableKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("SECOND"))),
                "1 validation error detected: Value 'SECOND' at"
                        + " 'enableKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [MILLISECOND, MICROSECOND]");
        assertValidation(() -> client.updateKinesisStreamingDestination(b -> b.tableName("kds-enum").streamArn(ORDERS)
                        .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision("SECOND"))),
                "1 validation error detected: Value 'SECOND' at"
                        + " 'updateKinesisStreamingConfiguration.approximateCreationDateTimePrecision' failed to"
                        + " satisfy constraint: Member must satisfy enum value set: [MILLISECOND, MICROSECOND]");
    }

    @Test
    void update_withoutAPrecision_isRefused() {
        Attributes.idTable(client, "kds-no-precision");
        enable("kds-no-precision", ORDERS);
        String message = "Streaming destination cannot be updated with given parameters:"
                + " UpdateKinesisStreamingConfiguration cannot be null or contain only null values";

        assertValidation(() -> client.updateKinesisStreamingDestination(b -> b.tableName("kds-no-precision")
                .streamArn(ORDERS)), message);
        assertValidation(() -> client.updateKinesisStreamingDestination(b -> b.tableName("kds-no-precision")
                .streamArn(ORDERS).updateKinesisStreamingConfiguration(c -> { })), message);
    }

    @Test
    void update_ofAStreamTheTableNeverStreamedTo_namesIt() {
        Attributes.idTable(client, "kds-unknown");

        assertValidation(() -> client.updateKinesisStreamingDestination(b -> b.tableName("kds-unknown")
                        .streamArn(AUDIT).updateKinesisStreamingConfiguration(c -> c
                                .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND))),
                "Table is not in a valid state to enable Kinesis Streaming Destination: No streaming destination"
                        + " with streamArn: " + AUDIT + " found for table with tableName: kds-unknown");
    }

    @Test
    void disable_ofAStreamNeverEnabled_orWithAConfiguration_isRefused() {
        Attributes.idTable(client, "kds-disable-refused");

        assertValidation(() -> client.disableKinesisStreamingDestination(b -> b.tableName("kds-disable-refused")
                .streamArn(AUDIT)), "Table is not in a valid state to enable Kinesis Streaming Destination:"
                + " KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
        assertValidation(() -> client.disableKinesisStreamingDestination(b -> b.tableName("kds-disable-refused")
                .streamArn(AUDIT).enableKinesisStreamingConfiguration(c -> c
                        .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND))),
                "Stream cannot be disabled using EnableKinesisStreamingConfiguration parameters");
    }

    @Test
    void theDestinationsGoWithTheTable_andAreNotCarriedByARestore() {
        Attributes.idTable(client, "kds-deleted");
        Attributes.idTable(client, "kds-backed-up");
        enable("kds-deleted", ORDERS);
        enable("kds-backed-up", AUDIT);
        String backup = client.createBackup(b -> b.tableName("kds-backed-up").backupName("before"))
                .backupDetails().backupArn();

        client.deleteTable(b -> b.tableName("kds-deleted"));
        client.restoreTableFromBackup(b -> b.backupArn(backup).targetTableName("kds-restored"));

        assertThatThrownBy(() -> client.describeKinesisStreamingDestination(b -> b.tableName("kds-deleted")))
                .isInstanceOf(ResourceNotFoundException.class);
        Attributes.idTable(client, "kds-deleted");
        assertThat(client.describeKinesisStreamingDestination(b -> b.tableName("kds-deleted"))
                .kinesisDataStreamDestinations()).isEmpty();
        assertThat(client.describeKinesisStreamingDestination(b -> b.tableName("kds-restored"))
                .kinesisDataStreamDestinations()).isEmpty();
        assertThat(client.describeKinesisStreamingDestination(b -> b.tableName("kds-backed-up"))
                .kinesisDataStreamDestinations()).hasSize(1);
    }
}
