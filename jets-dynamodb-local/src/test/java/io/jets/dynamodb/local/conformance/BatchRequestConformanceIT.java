package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The request shapes BatchGetItem and BatchWriteItem refuse before reading or writing anything. */
class BatchRequestConformanceIT {

    private static final String MAP_KEYS = "failed to satisfy constraint: Map keys must satisfy constraint: [Member"
            + " must have length less than or equal to 255, Member must have length greater than or equal to 3,"
            + " Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+]";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        for (String name : List.of("shelves", "drawers")) {
            client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute("slot", ScalarAttributeType.S)).keySchema(hash("slot")));
        }
    }

    @Test
    void batchGetItem_tableWithNoKeys_failsTheKeysLengthConstraint() {
        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of("shelves",
                        KeysAndAttributes.builder().keys(List.of()).build()))),
                "1 validation error detected: Value at 'RequestItems.shelves.member.Keys' failed to satisfy"
                        + " constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void batchGetItem_malformedTableName_echoesTheRequestItemsAsJson() {
        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of("no good",
                        KeysAndAttributes.builder().keys(item("slot", s("a1"))).build()))),
                "1 validation error detected: Value '{\"no good\":{\"Keys\":[{\"slot\":{\"S\":\"a1\"}}]}}' at"
                        + " 'requestItems' " + MAP_KEYS);
    }

    @Test
    void batchGetItem_projectionExpressionOnOneTableAndAttributesToGetOnAnother_areNotMixed() {
        Map<String, KeysAndAttributes> requestItems = new LinkedHashMap<>();
        requestItems.put("shelves", KeysAndAttributes.builder().keys(item("slot", s("a1")))
                .projectionExpression("slot").build());
        requestItems.put("drawers", KeysAndAttributes.builder().keys(item("slot", s("b1")))
                .attributesToGet("slot").build());

        assertValidation(() -> client.batchGetItem(b -> b.requestItems(requestItems)),
                "Can not use both expression and non-expression parameters in the same request: Non-expression"
                        + " parameters: {AttributesToGet} Expression parameters: {ProjectionExpression}");
    }

    @Test
    void batchWriteItem_putWithoutThePartitionKey_doesNotMatchTheSchema() {
        WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder()
                .item(item("label", s("no slot"))).build()).build();

        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("shelves", List.of(put)))),
                "The provided key element does not match the schema");
    }

    @Test
    void batchWriteItem_putWithoutAnItemOrDeleteWithoutAKey_isAMissingMember_namedByItsPosition() {
        WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder()
                .item(item("slot", s("d1"))).build()).build();
        WriteRequest emptyPut = WriteRequest.builder().putRequest(PutRequest.builder().build()).build();
        WriteRequest emptyDelete = WriteRequest.builder().deleteRequest(DeleteRequest.builder().build()).build();

        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("shelves", List.of(put, emptyPut)))),
                "1 validation error detected: Value null at 'requestItems.shelves.member.2.member.putRequest.item'"
                        + " failed to satisfy constraint: Member must not be null");
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("drawers", List.of(emptyDelete)))),
                "1 validation error detected: Value null at 'requestItems.drawers.member.1.member.deleteRequest.key'"
                        + " failed to satisfy constraint: Member must not be null");
    }

    @Test
    void batchWriteItem_malformedTableName_echoesTheRequestsAsDynamoDbPrintsThem() {
        WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder()
                .item(item("slot", s("c1"))).build()).build();

        assertThatThrownBy(() -> client.batchWriteItem(b -> b.requestItems(Map.of("no good", List.of(put)))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage()).isEqualTo(
                        "1 validation error detected: Value '{no good=[WriteRequest(putRequest=PutRequest(item="
                                + "{slot=AttributeValue(S=c1)}), deleteRequest=null)]}' at 'requestItems' "
                                + MAP_KEYS));
    }
}
