package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;

/** What UpdateTimeToLive refuses, with DynamoDB's messages, and what it leaves in place when it does. */
class TimeToLiveConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static void create(String name) {
        Attributes.idTable(client, name);
    }

    @Test
    void updateTimeToLive_namingAnotherAttribute_whileEnabled_isRefused_andKeepsTheCurrentOne() {
        create("ttl-other-attribute");
        client.updateTimeToLive(b -> b.tableName("ttl-other-attribute")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));

        assertValidation(() -> client.updateTimeToLive(b -> b.tableName("ttl-other-attribute")
                .timeToLiveSpecification(t -> t.attributeName("deadline").enabled(true))),
                "TimeToLive is active on a different AttributeName: current AttributeName is expires");
        assertValidation(() -> client.updateTimeToLive(b -> b.tableName("ttl-other-attribute")
                .timeToLiveSpecification(t -> t.attributeName("deadline").enabled(false))),
                "TimeToLive is active on a different AttributeName: current AttributeName is expires");
        assertValidation(() -> client.updateTimeToLive(b -> b.tableName("ttl-other-attribute")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true))),
                "TimeToLive is already enabled");

        var description = client.describeTimeToLive(b -> b.tableName("ttl-other-attribute"))
                .timeToLiveDescription();
        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
        assertThat(description.attributeName()).isEqualTo("expires");
    }

    @Test
    void updateTimeToLive_attributeNameOutside1To255Characters_orNoEnabled_isAValidationError() {
        create("ttl-constraints");
        String tooLong = "e".repeat(256);

        assertValidation(() -> client.updateTimeToLive(b -> b.tableName("ttl-constraints")
                .timeToLiveSpecification(t -> t.attributeName(tooLong).enabled(true))),
                "1 validation error detected: Value '" + tooLong + "' at 'timeToLiveSpecification.attributeName'"
                        + " failed to satisfy constraint: Member must have length less than or equal to 255");
        assertValidation(() -> client.updateTimeToLive(b -> b.tableName("ttl-constraints")
                .timeToLiveSpecification(t -> t.attributeName("").enabled(true))),
                "1 validation error detected: Value '' at 'timeToLiveSpecification.attributeName' failed to"
                        + " satisfy constraint: Member must have length greater than or equal to 1");
        assertValidation(() -> client.updateTimeToLive(b -> b.tableName("ttl-constraints")
                .timeToLiveSpecification(t -> t.attributeName("expires"))),
                "1 validation error detected: Value null at 'timeToLiveSpecification.enabled' failed to satisfy"
                        + " constraint: Member must not be null");
        assertThat(client.describeTimeToLive(b -> b.tableName("ttl-constraints")).timeToLiveDescription()
                .timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
    }

    @Test
    void updateTimeToLive_disabling_answersEnabledFalse_withoutTheAttributeName() {
        create("ttl-disable-answer");
        var enabled = client.updateTimeToLive(b -> b.tableName("ttl-disable-answer")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true))).timeToLiveSpecification();
        assertThat(enabled.attributeName()).isEqualTo("expires");
        assertThat(enabled.enabled()).isTrue();

        var disabled = client.updateTimeToLive(b -> b.tableName("ttl-disable-answer")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(false))).timeToLiveSpecification();
        assertThat(disabled.attributeName()).isNull();
        assertThat(disabled.enabled()).isFalse();
        var description = client.describeTimeToLive(b -> b.tableName("ttl-disable-answer")).timeToLiveDescription();
        assertThat(description.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.DISABLED);
        assertThat(description.attributeName()).isNull();
    }

    @Test
    void timeToLive_ofAMissingTable_isResourceNotFound_namingTheTable() {
        assertThatThrownBy(() -> client.describeTimeToLive(b -> b.tableName("ttl-absent")))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Requested resource not found: Table: ttl-absent not found"));
        assertThatThrownBy(() -> client.updateTimeToLive(b -> b.tableName("ttl-absent")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true))))
                .isInstanceOf(ResourceNotFoundException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Requested resource not found: Table: ttl-absent not found"));
    }
}
