package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.ENVELOPE;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB's limits on what a request may name and how complex its expressions may be: attribute names under
 * 64 KB, at most 300 operators, document paths of at most 32 elements, and deep nesting answered with the usual
 * errors.
 */
class ExpressionLimitsConformanceIT {

    private static final String NAME_TOO_LARGE =
            "1 validation error detected: Attribute name is too large, must be less than 65536 bytes";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("limits").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        client.putItem(b -> b.tableName("limits").item(item("id", s("pair"), "low", n("1"), "high", n("2"))));
    }

    private static void updateIf(String condition) {
        client.updateItem(b -> b.tableName("limits").key(item("id", s("pair")))
                .updateExpression("SET checked = :yes").conditionExpression(condition)
                .expressionAttributeValues(Map.of(":yes", AttributeValue.fromBool(true))));
    }

    @Test
    void attributeNameOf65535Bytes_isUsable_andOneByteMoreIsRefused() {
        String longest = "n".repeat(65535);
        client.putItem(b -> b.tableName("limits").item(item("id", s("named"), longest, n("1"))));
        var read = client.getItem(b -> b.tableName("limits").key(item("id", s("named")))
                .projectionExpression("#long").expressionAttributeNames(Map.of("#long", longest)));
        assertThat(read.item()).isEqualTo(item(longest, n("1")));

        String tooLong = longest + "n";
        assertValidation(() -> client.putItem(b -> b.tableName("limits").item(item("id", s("named"), tooLong, n("1")))),
                NAME_TOO_LARGE);
        assertValidation(() -> client.putItem(b -> b.tableName("limits").item(item("id", s("named"),
                "doc", AttributeValue.fromM(Map.of(tooLong, n("1")))))), NAME_TOO_LARGE);
        assertValidation(() -> client.updateItem(b -> b.tableName("limits").key(item("id", s("named")))
                .updateExpression("SET #long = :one").expressionAttributeNames(Map.of("#long", tooLong))
                .expressionAttributeValues(Map.of(":one", n("1")))), NAME_TOO_LARGE);
        assertValidation(() -> client.getItem(b -> b.tableName("limits").key(item("id", s("named")))
                .attributesToGet(List.of(tooLong))), NAME_TOO_LARGE);
    }

    @Test
    void conditionWith300Operators_isEvaluated_andOneMoreIsRefused() {
        // "low < high" and 149 times " OR (low < high": 299 operators, parentheses not counted
        updateIf("low < high" + " OR (low < high".repeat(149) + ")".repeat(149));
        updateIf("low < high" + " OR low < high".repeat(148) + " AND NOT low > high");

        assertValidation(() -> updateIf("low < high" + " OR low < high".repeat(150)),
                ENVELOPE + "Invalid ConditionExpression: The expression contains too many operators; operator "
                        + "count: 301");
        assertValidation(() -> updateIf("NOT ".repeat(400) + "low < high"),
                ENVELOPE + "Invalid ConditionExpression: The expression contains too many operators; operator "
                        + "count: 301");
    }

    @Test
    void deeplyNestedCondition_isAnsweredWithDynamoDbsErrors() {
        assertValidation(() -> updateIf("(".repeat(2000) + "low < high" + ")".repeat(2000)),
                ENVELOPE + "Invalid ConditionExpression: The expression has redundant parentheses;");
        assertValidation(() -> updateIf("(".repeat(4000)),
                ENVELOPE + "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
        assertValidation(() -> updateIf("low < " + "f(".repeat(1300) + "high" + ")".repeat(1300)),
                ENVELOPE + "Invalid ConditionExpression: Invalid function name; function: f");
    }

    @Test
    void documentPathOf32Elements_isUsable_andOneMoreIsRefusedInEveryExpression() {
        String deepest = "low" + ".part".repeat(31);
        String tooDeep = deepest + "[0]";
        var read = client.getItem(b -> b.tableName("limits").key(item("id", s("pair")))
                .projectionExpression("high, " + deepest));
        assertThat(read.item()).isEqualTo(item("high", n("2")));

        String refused = "The document path has too many nesting levels; nesting levels: 33";
        assertValidation(() -> client.getItem(b -> b.tableName("limits").key(item("id", s("pair")))
                .projectionExpression("high, " + tooDeep)), "Invalid ProjectionExpression: " + refused);
        assertValidation(() -> updateIf("attribute_not_exists(" + tooDeep + ")"),
                ENVELOPE + "Invalid ConditionExpression: " + refused);
        assertValidation(() -> client.updateItem(b -> b.tableName("limits").key(item("id", s("pair")))
                .updateExpression("REMOVE " + tooDeep)), ENVELOPE + "Invalid UpdateExpression: " + refused);
        assertValidation(() -> client.scan(b -> b.tableName("limits").filterExpression("size(" + tooDeep + ") > :n")
                .expressionAttributeValues(Map.of(":n", n("0")))), "Invalid FilterExpression: " + refused);
    }

    @Test
    void listIndexUpTo4294967294_isAccepted_andALargerOneIsOutOfTheAllowableRange() {
        client.putItem(b -> b.tableName("limits").item(item("id", s("listed"),
                "tags", AttributeValue.fromL(List.of(s("a"), s("b"))))));
        // an index past the end of the list appends when set and reads nothing, however large
        client.updateItem(b -> b.tableName("limits").key(item("id", s("listed")))
                .updateExpression("SET tags[4294967294] = :c").expressionAttributeValues(Map.of(":c", s("c"))));
        var read = client.getItem(b -> b.tableName("limits").key(item("id", s("listed")))
                .projectionExpression("tags[3000000000]"));
        assertThat(read.item()).isEmpty();
        assertThat(client.getItem(b -> b.tableName("limits").key(item("id", s("listed")))).item().get("tags").l())
                .containsExactly(s("a"), s("b"), s("c"));

        String outOfRange = "List index is not within the allowable range; index: [4294967295]";
        assertValidation(() -> client.updateItem(b -> b.tableName("limits").key(item("id", s("listed")))
                .updateExpression("REMOVE tags[4294967295]")), ENVELOPE + "Invalid UpdateExpression: " + outOfRange);
        assertValidation(() -> client.getItem(b -> b.tableName("limits").key(item("id", s("listed")))
                .projectionExpression("tags[4294967295]")), "Invalid ProjectionExpression: " + outOfRange);
        assertValidation(() -> updateIf("size(high[99999999999]) > low"),
                ENVELOPE + "Invalid ConditionExpression: List index"
                + " is not within the allowable range; index: [99999999999]");
    }
}
