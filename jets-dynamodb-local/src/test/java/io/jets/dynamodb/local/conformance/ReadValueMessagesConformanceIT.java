package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * How GetItem, BatchGetItem and Query word a malformed value: bare, an empty number with its colon, and a repeated
 * set member quoted in DynamoDB's order up to the repeat.
 */
class ReadValueMessagesConformanceIT {

    private static final String INVALID = "One or more parameter values were invalid: ";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("shipments").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("ref", ScalarAttributeType.S)).keySchema(hash("ref")));
    }

    @Test
    void getItem_emptyNumberInTheKey_keepsTheColon() {
        assertValidation(() -> client.getItem(b -> b.tableName("shipments").key(item("ref", n("")))),
                "The parameter cannot be converted to a numeric value: ");
        assertValidation(() -> client.batchGetItem(b -> b.requestItems(Map.of("shipments",
                        KeysAndAttributes.builder().keys(item("ref", n(""))).build()))),
                "The parameter cannot be converted to a numeric value: ");
    }

    @Test
    void getItem_repeatedSetMemberInTheKey_isQuotedInOrderUpToTheRepeat() {
        assertValidation(() -> client.getItem(b -> b.tableName("shipments")
                        .key(item("ref", AttributeValue.fromSs(List.of("west", "east", "west", "north"))))),
                INVALID + "Input collection [\"east\", \"west\", \"west\", \"north\"] contains duplicates.");
        assertValidation(() -> client.getItem(b -> b.tableName("shipments").key(item("ref", AttributeValue.fromBs(
                        List.of(bytes(0xff), bytes(0x00), bytes(0x00)))))),
                INVALID + "Input collection [\"AA==\",\"/w==\",\"AA==\"]of type BS contains duplicates.");
        assertValidation(() -> client.getItem(b -> b.tableName("shipments")
                        .key(item("ref", AttributeValue.fromNs(List.of("2", "1", "2.0"))))),
                INVALID + "Input collection contains duplicates.");
    }

    @Test
    void query_malformedFilterValue_isReportedBare() {
        assertValidation(() -> client.query(b -> b.tableName("shipments").keyConditionExpression("#r = :r")
                        .filterExpression("weight = :w").expressionAttributeNames(Map.of("#r", "ref"))
                        .expressionAttributeValues(Map.of(":r", s("s-1"), ":w", n("heavy")))),
                "The parameter cannot be converted to a numeric value: heavy");
    }

    @Test
    void query_repeatedMemberInAQueryFilter_isQuotedInOrder() {
        Condition byRef = Condition.builder().comparisonOperator("EQ").attributeValueList(s("s-1")).build();
        Condition byZones = Condition.builder().comparisonOperator("EQ")
                .attributeValueList(AttributeValue.fromSs(List.of("b", "a", "b"))).build();
        assertValidation(() -> client.query(b -> b.tableName("shipments").keyConditions(Map.of("ref", byRef))
                        .queryFilter(Map.of("zones", byZones))),
                INVALID + "Input collection [\"a\", \"b\", \"b\"] contains duplicates.");
    }

    private static SdkBytes bytes(int value) {
        return SdkBytes.fromByteArray(new byte[] {(byte) value});
    }
}
