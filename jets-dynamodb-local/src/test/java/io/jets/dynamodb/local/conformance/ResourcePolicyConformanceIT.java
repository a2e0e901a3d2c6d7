package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy, with DynamoDB's revision ids and messages. */
class ResourcePolicyConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static String policy(String arn, String action) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"readers\",\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"" + action + "\","
                + "\"Resource\":\"" + arn + "\"}]}";
    }

    private static void assertPolicyNotFound(ThrowingCallable call, String detail) {
        assertThatThrownBy(call).isInstanceOf(PolicyNotFoundException.class)
                .satisfies(e -> assertThat(((PolicyNotFoundException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Resource-based policy not found for the provided ResourceArn: " + detail));
    }

    @Test
    void getResourcePolicy_onATableWithoutOne_isPolicyNotFound() {
        String arn = Attributes.idTable(client, "policy-none");

        assertPolicyNotFound(() -> client.getResourcePolicy(b -> b.resourceArn(arn)), arn);
        assertPolicyNotFound(() -> client.deleteResourcePolicy(b -> b.resourceArn(arn)), arn);
    }

    @Test
    void putResourcePolicy_roundTrips_andDeleteAnswersTheRemovedRevision() {
        String arn = Attributes.idTable(client, "policy-round-trip");
        String document = policy(arn, "dynamodb:GetItem");

        String revision = client.putResourcePolicy(b -> b.resourceArn(arn).policy(document)).revisionId();
        GetResourcePolicyResponse got = client.getResourcePolicy(b -> b.resourceArn(arn));

        assertThat(revision).isNotBlank();
        assertThat(got.policy()).isEqualTo(document);
        assertThat(got.revisionId()).isEqualTo(revision);
        assertThat(client.deleteResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isEqualTo(revision);
        assertPolicyNotFound(() -> client.getResourcePolicy(b -> b.resourceArn(arn)), arn);
    }

    @Test
    void putResourcePolicy_withTheSameDocument_keepsTheRevision_andANewDocumentGetsALaterOne() {
        String arn = Attributes.idTable(client, "policy-revisions");
        String first = client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem")))
                .revisionId();

        String again = client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem")))
                .revisionId();
        String changed = client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(arn, "dynamodb:PutItem")))
                .revisionId();

        assertThat(again).isEqualTo(first);
        assertThat(Long.parseLong(changed)).isGreaterThan(Long.parseLong(first));
    }

    @Test
    void expectedRevisionId_guardsPutAndDelete() {
        String arn = Attributes.idTable(client, "policy-expected");
        String first = client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem"))
                .expectedRevisionId("NO_POLICY")).revisionId();
        String second = client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(arn, "dynamodb:PutItem"))
                .expectedRevisionId(first)).revisionId();

        assertPolicyNotFound(() -> client.putResourcePolicy(b -> b.resourceArn(arn)
                        .policy(policy(arn, "dynamodb:Query")).expectedRevisionId(first)),
                "Requested update for policy with revision id " + first + ", but the policy associated to target"
                        + " table policy-expected has revision id " + second + ".");
        assertPolicyNotFound(() -> client.putResourcePolicy(b -> b.resourceArn(arn)
                        .policy(policy(arn, "dynamodb:Query")).expectedRevisionId("NO_POLICY")),
                "Requested policy update expecting none to be present for table policy-expected, but a policy"
                        + " exists with revision id " + second + ".");
        assertPolicyNotFound(() -> client.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId("unknown")),
                "Requested update for policy with revision id unknown, but the policy associated to target table"
                        + " policy-expected has revision id " + second + ".");
        assertThat(client.getResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isEqualTo(second);
        assertThat(client.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(second)).revisionId())
                .isEqualTo(second);
    }

    @Test
    void createTable_withAResourcePolicy_attachesIt() {
        String document = policy("arn:aws:dynamodb:us-east-1:000000000000:table/policy-at-creation",
                "dynamodb:GetItem");
        String arn = client.createTable(b -> b.tableName("policy-at-creation").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(Attributes.attribute("id", ScalarAttributeType.S))
                        .keySchema(Attributes.hash("id")).resourcePolicy(document))
                .tableDescription().tableArn();

        GetResourcePolicyResponse got = client.getResourcePolicy(b -> b.resourceArn(arn));

        assertThat(got.policy()).isEqualTo(document);
        assertThat(got.revisionId()).isNotBlank();
    }

    @Test
    void aTablesPolicy_goesWithTheTable() {
        String arn = Attributes.idTable(client, "policy-deleted");
        client.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(arn, "dynamodb:GetItem")));

        client.deleteTable(b -> b.tableName("policy-deleted"));

        assertThatThrownBy(() -> client.getResourcePolicy(b -> b.resourceArn(arn)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: policy-deleted not found");
        Attributes.idTable(client, "policy-deleted");
        assertPolicyNotFound(() -> client.getResourcePolicy(b -> b.resourceArn(arn)), arn);
    }

    @Test
    void aStreamsPolicy_isASlotOfItsOwn() {
        String table = "policy-stream";
        Attributes.idTable(client, table);
        String tableArn = client.updateTable(b -> b.tableName(table).streamSpecification(s -> s.streamEnabled(true)
                .streamViewType(StreamViewType.KEYS_ONLY))).tableDescription().tableArn();
        String streamArn = client.describeTable(b -> b.tableName(table)).table().latestStreamArn();

        String revision = client.putResourcePolicy(b -> b.resourceArn(streamArn)
                .policy(policy(streamArn, "dynamodb:GetRecords"))).revisionId();

        assertThat(client.getResourcePolicy(b -> b.resourceArn(streamArn)).revisionId()).isEqualTo(revision);
        assertPolicyNotFound(() -> client.getResourcePolicy(b -> b.resourceArn(tableArn)), tableArn);
        String unknownStream = tableArn + "/stream/2000-01-01T00:00:00.000";
        assertThatThrownBy(() -> client.getResourcePolicy(b -> b.resourceArn(unknownStream)))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Stream: 2000-01-01T00:00:00.000 not found for"
                        + " Table: policy-stream");
    }

    @Test
    void resourceArn_namingNoTableOfThisAccountAndRegion_isRefused_withDynamoDbsMessages() {
        String arn = Attributes.idTable(client, "policy-arns");

        assertValidation(() -> client.getResourcePolicy(b -> b.resourceArn("policy-arns")),
                "One or more parameter values were invalid: ARNs must start with 'arn:': policy-arns");
        assertValidation(() -> client.getResourcePolicy(b -> b.resourceArn(arn + "/index/by-owner")),
                "One or more parameter values were invalid: Invalid resource arn provided, only table or stream is"
                        + " accepted. Provided resource arn: " + arn + "/index/by-owner");
        assertValidation(() -> client.getResourcePolicy(b -> b.resourceArn(arn + "/backup/01700000000000-abcdef01")),
                "One or more parameter values were invalid: Provided Arn is not a DynamoDB resource arn: " + arn
                        + "/backup/01700000000000-abcdef01");
        String otherRegion = arn.replace(":us-east-1:", ":eu-west-2:");
        assertValidation(() -> client.getResourcePolicy(b -> b.resourceArn(otherRegion)),
                "One or more parameter values were invalid: Invalid resource Arn: " + otherRegion);
        assertValidation(() -> client.getResourcePolicy(b -> b.resourceArn(arn.replace(":000000000000:",
                        ":111122223333:"))),
                "This action is only supported by accounts that match the resource owner\u2019s account.");
        assertThatThrownBy(() -> client.putResourcePolicy(b -> b.resourceArn(arn + "-missing")
                .policy(policy(arn, "dynamodb:GetItem"))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found: Table: policy-arns-missing not found");
    }
}
