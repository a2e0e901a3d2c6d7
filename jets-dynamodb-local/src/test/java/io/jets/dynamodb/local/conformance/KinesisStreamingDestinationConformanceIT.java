package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.jets.dynamodb.local.LocalServer;
import io.jets.dynamodb.local.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ApproximateCreationDateTimePrecision;
import software.amazon.awssdk.services.dynamodb.model.DescribeKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.DestinationStatus;
import software.amazon.awssdk.services.dynamodb.model.DisableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.EnableKinesisStreamingDestinationResponse;
import software.amazon.awssdk.services.dynamodb.model.KinesisDataStreamDestination;
import software.amazon.awssdk.services.dynamodb.model.UpdateKinesisStreamingDestinationResponse;

/**
 * The walk of a Kinesis streaming destination as DynamoDB takes it: Enable answers ENABLING, Update UPDATING and
 * Disable DISABLING, each settling a second later on the server clock (here a clock the tests step), one live
 * destination per table, and DynamoDB's ValidationException for a call the destination's status does not admit.
 */
class KinesisStreamingDestinationConformanceIT {

    static final String ORDERS = "arn:aws:kinesis:us-east-1:000000000000:stream/order-changes";
    static final String AUDIT = "arn:aws:kinesis:us-east-1:000000000000:stream/audit-trail";
    private static final String NOT_VALID = "Table is not in a valid state to enable Kinesis Streaming Destination: ";
    private static final String ENABLE_REFUSED = NOT_VALID + "EnableKinesisStreamingDestination must be DISABLED or"
            + " ENABLE_FAILED to perform ENABLE operation.";
    private static final String DISABLE_REFUSED = NOT_VALID
            + "KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.";

    private static final MutableClock clock = new MutableClock(Instant.parse("2026-09-01T08:00:00Z"));
    @RegisterExtension
    static final LocalServer local = LocalServer.start(b -> b.clock(clock));
    private static final DynamoDbClient client = local.dynamoDb();

    static EnableKinesisStreamingDestinationResponse enable(String table, String stream) {
        return client.enableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream));
    }

    static DisableKinesisStreamingDestinationResponse disable(String table, String stream) {
        return client.disableKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream));
    }

    static UpdateKinesisStreamingDestinationResponse update(String table, String stream,
                                                            ApproximateCreationDateTimePrecision precision) {
        return client.updateKinesisStreamingDestination(b -> b.tableName(table).streamArn(stream)
                .updateKinesisStreamingConfiguration(c -> c.approximateCreationDateTimePrecision(precision)));
    }

    static List<KinesisDataStreamDestination> destinations(String table) {
        return client.describeKinesisStreamingDestination(b -> b.tableName(table)).kinesisDataStreamDestinations();
    }

    private static void settle() {
        clock.advance(Duration.ofSeconds(1));
    }

    private static String tableId(String table) {
        return client.describeTable(b -> b.tableName(table)).table().tableId();
    }

    @Test
    void describe_ofANewTable_listsNoDestination() {
        Attributes.idTable(client, "kds-new");

        DescribeKinesisStreamingDestinationResponse described =
                client.describeKinesisStreamingDestination(b -> b.tableName("kds-new"));

        assertThat(described.tableName()).isEqualTo("kds-new");
        assertThat(described.hasKinesisDataStreamDestinations()).isTrue();
        assertThat(described.kinesisDataStreamDestinations()).isEmpty();
    }

    @Test
    void enable_answersEnabling_thenTheDestinationIsActiveOneSecondLater() {
        Attributes.idTable(client, "kds-enable");

        EnableKinesisStreamingDestinationResponse enabled = enable("kds-enable", ORDERS);
        List<KinesisDataStreamDestination> enabling = destinations("kds-enable");
        clock.advance(Duration.ofMillis(999));
        List<KinesisDataStreamDestination> stillEnabling = destinations("kds-enable");
        clock.advance(Duration.ofMillis(1));

        assertThat(enabled.tableName()).isEqualTo("kds-enable");
        assertThat(enabled.streamArn()).isEqualTo(ORDERS);
        assertThat(enabled.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
        assertThat(enabled.enableKinesisStreamingConfiguration().approximateCreationDateTimePrecision()).isNull();
        assertThat(enabling).containsExactly(KinesisDataStreamDestination.builder().streamArn(ORDERS)
                .destinationStatus(DestinationStatus.ENABLING).build());
        assertThat(stillEnabling).isEqualTo(enabling);
        // as on DynamoDB, a precision never set is not shown (it is MILLISECOND)
        assertThat(destinations("kds-enable")).containsExactly(KinesisDataStreamDestination.builder()
                .streamArn(ORDERS).destinationStatus(DestinationStatus.ACTIVE).build());
    }

    @Test
    void enable_withAPrecision_echoesIt_andDescribeShowsIt() {
        Attributes.idTable(client, "kds-precision");

        EnableKinesisStreamingDestinationResponse enabled = client.enableKinesisStreamingDestination(b -> b
                .tableName("kds-precision").streamArn(ORDERS).enableKinesisStreamingConfiguration(c -> c
                        .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));
        settle();

        assertThat(enabled.enableKinesisStreamingConfiguration().approximateCreationDateTimePrecision())
                .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
        assertThat(destinations("kds-precision").get(0).approximateCreationDateTimePrecision())
                .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
    }

    @Test
    void whileEnabling_enableUpdateAndDisableAreRefused() {
        Attributes.idTable(client, "kds-enabling");
        enable("kds-enabling", ORDERS);

        assertValidation(() -> enable("kds-enabling", ORDERS), ENABLE_REFUSED);
        assertValidation(() -> enable("kds-enabling", AUDIT), ENABLE_REFUSED);
        assertValidation(() -> update("kds-enabling", ORDERS, ApproximateCreationDateTimePrecision.MICROSECOND),
                NOT_VALID + "Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state."
                        + " TableName: kds-enabling");
        assertValidation(() -> disable("kds-enabling", ORDERS), DISABLE_REFUSED);
    }

    @Test
    void aTableStreamsToOneDestination_anotherStreamIsRefusedWhileOneIsActive() {
        Attributes.idTable(client, "kds-one");
        enable("kds-one", ORDERS);
        settle();

        assertValidation(() -> enable("kds-one", AUDIT), ENABLE_REFUSED);
        assertValidation(() -> enable("kds-one", ORDERS), ENABLE_REFUSED);
        assertThat(destinations("kds-one")).extracting(KinesisDataStreamDestination::streamArn)
                .containsExactly(ORDERS);
    }

    @Test
    void update_answersUpdating_showsTheNewPrecision_andIsActiveAgainOneSecondLater() {
        Attributes.idTable(client, "kds-update");
        enable("kds-update", ORDERS);
        settle();

        UpdateKinesisStreamingDestinationResponse updated =
                update("kds-update", ORDERS, ApproximateCreationDateTimePrecision.MICROSECOND);
        KinesisDataStreamDestination updating = destinations("kds-update").get(0);
        assertValidation(() -> update("kds-update", ORDERS, ApproximateCreationDateTimePrecision.MILLISECOND),
                NOT_VALID + "Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state."
                        + " TableName: kds-update");
        assertValidation(() -> disable("kds-update", ORDERS), DISABLE_REFUSED);
        settle();

        assertThat(updated.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
        assertThat(updated.updateKinesisStreamingConfiguration().approximateCreationDateTimePrecision())
                .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
        assertThat(updating.destinationStatus()).isEqualTo(DestinationStatus.UPDATING);
        assertThat(updating.approximateCreationDateTimePrecision())
                .isEqualTo(ApproximateCreationDateTimePrecision.MICROSECOND);
        assertThat(destinations("kds-update")).containsExactly(KinesisDataStreamDestination.builder()
                .streamArn(ORDERS).destinationStatus(DestinationStatus.ACTIVE)
                .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND).build());
    }

    @Test
    void update_toThePrecisionInForce_isRefused_millisecondBeingTheDefault() {
        Attributes.idTable(client, "kds-same");
        enable("kds-same", ORDERS);
        settle();

        assertValidation(() -> update("kds-same", ORDERS, ApproximateCreationDateTimePrecision.MILLISECOND),
                "Invalid Request: Precision is already set to the desired value of MILLISECOND for tableId: "
                        + tableId("kds-same") + ", kdsArn: " + ORDERS);
        update("kds-same", ORDERS, ApproximateCreationDateTimePrecision.MICROSECOND);
        settle();
        assertValidation(() -> update("kds-same", ORDERS, ApproximateCreationDateTimePrecision.MICROSECOND),
                "Invalid Request: Precision is already set to the desired value of MICROSECOND for tableId: "
                        + tableId("kds-same") + ", kdsArn: " + ORDERS);
    }

    @Test
    void disable_answersDisabling_thenTheDisabledDestinationStaysListed() {
        Attributes.idTable(client, "kds-disable");
        enable("kds-disable", ORDERS);
        settle();

        DisableKinesisStreamingDestinationResponse disabled = disable("kds-disable", ORDERS);
        DisableKinesisStreamingDestinationResponse again = disable("kds-disable", ORDERS);
        KinesisDataStreamDestination disabling = destinations("kds-disable").get(0);
        settle();

        assertThat(disabled.tableName()).isEqualTo("kds-disable");
        assertThat(disabled.streamArn()).isEqualTo(ORDERS);
        assertThat(disabled.destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
        assertThat(again.destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
        assertThat(disabling.destinationStatus()).isEqualTo(DestinationStatus.DISABLING);
        clock.advance(Duration.ofMinutes(10));
        assertThat(destinations("kds-disable")).containsExactly(KinesisDataStreamDestination.builder()
                .streamArn(ORDERS).destinationStatus(DestinationStatus.DISABLED).build());
        assertValidation(() -> disable("kds-disable", ORDERS), DISABLE_REFUSED);
        assertValidation(() -> update("kds-disable", ORDERS, ApproximateCreationDateTimePrecision.MICROSECOND),
                NOT_VALID + "Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state."
                        + " TableName: kds-disable");
    }

    @Test
    void enablingAgain_reusesTheDisabledEntry_withoutItsPrecision_andAnotherStreamIsListedFirst() {
        Attributes.idTable(client, "kds-again");
        client.enableKinesisStreamingDestination(b -> b.tableName("kds-again").streamArn(ORDERS)
                .enableKinesisStreamingConfiguration(c -> c
                        .approximateCreationDateTimePrecision(ApproximateCreationDateTimePrecision.MICROSECOND)));
        settle();
        disable("kds-again", ORDERS);
        settle();

        enable("kds-again", ORDERS);
        settle();
        List<KinesisDataStreamDestination> reenabled = destinations("kds-again");
        disable("kds-again", ORDERS);
        settle();
        enable("kds-again", AUDIT);

        assertThat(reenabled).containsExactly(KinesisDataStreamDestination.builder().streamArn(ORDERS)
                .destinationStatus(DestinationStatus.ACTIVE).build());
        assertThat(destinations("kds-again")).extracting(KinesisDataStreamDestination::streamArn,
                KinesisDataStreamDestination::destinationStatus).containsExactly(
                tuple(AUDIT, DestinationStatus.ENABLING),
                tuple(ORDERS, DestinationStatus.DISABLED));
    }

    @Test
    void aDestinationThatIsNoKinesisDataStream_endsEnableFailed_andLeavesTheTableFreeForAnother() {
        String tableArn = Attributes.idTable(client, "kds-failed");

        EnableKinesisStreamingDestinationResponse enabled = enable("kds-failed", tableArn);
        settle();
        List<KinesisDataStreamDestination> failed = destinations("kds-failed");
        enable("kds-failed", ORDERS);

        assertThat(enabled.destinationStatus()).isEqualTo(DestinationStatus.ENABLING);
        assertThat(failed).containsExactly(KinesisDataStreamDestination.builder().streamArn(tableArn)
                .destinationStatus(DestinationStatus.ENABLE_FAILED)
                .destinationStatusDescription("User does not have a permission to use kinesis stream").build());
        assertValidation(() -> update("kds-failed", tableArn, ApproximateCreationDateTimePrecision.MICROSECOND),
                NOT_VALID + "Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state."
                        + " TableName: kds-failed");
        assertThat(destinations("kds-failed")).extracting(KinesisDataStreamDestination::streamArn)
                .containsExactly(ORDERS, tableArn);
    }
}
