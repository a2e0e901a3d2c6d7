package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.ENVELOPE;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * DynamoDB's limits on what a request may carry: documents nested at most 32 levels, numbers within
 * 1E-130..9.99E+125 whatever exponent they are written with, and expressions of at most 4 KB.
 */
class LimitsConformanceIT {

    private static final String TOO_DEEP = "Nesting Levels have exceeded supported limits: Attributes in the item"
            + " have nested levels beyond supported limit";
    private static final String OVERFLOW = "Number overflow. Attempting to store a number with magnitude larger"
            + " than supported range";
    private static final String UNDERFLOW = "Number underflow. Attempting to store a number with magnitude smaller"
            + " than supported range";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("documents").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        client.createTable(b -> b.tableName("readings").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sensor", ScalarAttributeType.N)).keySchema(hash("sensor")));
    }

    /** A string wrapped in {@code wraps} single-entry maps: the string sits at level {@code wraps + 1}. */
    private static AttributeValue nested(int wraps) {
        AttributeValue value = s("leaf");
        for (int i = 0; i < wraps; i++) {
            value = AttributeValue.fromM(Map.of("child", value));
        }
        return value;
    }

    private static int depth(AttributeValue value) {
        int wraps = 0;
        while (value.hasM()) {
            value = value.m().get("child");
            wraps++;
        }
        return wraps;
    }

    @Test
    void putItem_documentNested32Levels_isStored() {
        client.putItem(b -> b.tableName("documents").item(item("id", s("deepest"), "tree", nested(31))));

        var stored = client.getItem(b -> b.tableName("documents").key(item("id", s("deepest")))).item();
        assertThat(depth(stored.get("tree"))).isEqualTo(31);
    }

    @Test
    void putItem_documentNested33Levels_isRefused() {
        assertValidation(() -> client.putItem(b -> b.tableName("documents")
                .item(item("id", s("too-deep"), "tree", nested(32)))), ENVELOPE + TOO_DEEP);
        assertThat(client.getItem(b -> b.tableName("documents").key(item("id", s("too-deep")))).hasItem()).isFalse();
    }

    @Test
    void batchWriteAndTransactWrite_documentNested33Levels_areRefused() {
        WriteRequest put = WriteRequest.builder().putRequest(PutRequest.builder()
                .item(item("id", s("batch-deep"), "tree", nested(32))).build()).build();
        assertValidation(() -> client.batchWriteItem(b -> b.requestItems(Map.of("documents", List.of(put)))),
                TOO_DEEP);
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .put(p -> p.tableName("documents").item(item("id", s("tx-deep"), "list",
                        AttributeValue.fromL(List.of(nested(31)))))).build())), TOO_DEEP);
    }

    @Test
    void updateItem_conditionValueNested33Levels_isRefused() {
        assertValidation(() -> client.updateItem(b -> b.tableName("documents").key(item("id", s("cond-deep")))
                        .updateExpression("SET seen = :t").conditionExpression("tree = :tree")
                        .expressionAttributeValues(Map.of(":t", s("yes"), ":tree", nested(32)))),
                ENVELOPE + TOO_DEEP);
    }

    @Test
    void putItem_exponentBeyondAnInt_overflowsOrUnderflows() {
        assertValidation(() -> client.putItem(b -> b.tableName("documents")
                .item(item("id", s("huge"), "value", n("1e99999999999")))), ENVELOPE + OVERFLOW);
        assertValidation(() -> client.putItem(b -> b.tableName("documents")
                .item(item("id", s("huge"), "value", n("-5E2147483648")))), ENVELOPE + OVERFLOW);
        assertValidation(() -> client.putItem(b -> b.tableName("documents")
                .item(item("id", s("tiny"), "value", n("1e-99999999999")))), ENVELOPE + UNDERFLOW);
    }

    @Test
    void putItem_exponentBeyondALong_cannotBeConverted() {
        assertValidation(() -> client.putItem(b -> b.tableName("documents")
                        .item(item("id", s("unreadable"), "value", n("1e9223372036854775808")))),
                ENVELOPE + "The parameter cannot be converted to a numeric value: 1e9223372036854775808");
    }

    @Test
    void putItem_zeroIsRangeCheckedByItsExponent() {
        assertValidation(() -> client.putItem(b -> b.tableName("documents")
                .item(item("id", s("zero"), "value", n("0e126")))), ENVELOPE + OVERFLOW);
        assertValidation(() -> client.putItem(b -> b.tableName("documents")
                .item(item("id", s("zero"), "value", n("0E-131")))), ENVELOPE + UNDERFLOW);

        client.putItem(b -> b.tableName("documents").item(item("id", s("zero"), "value", n("0e125"))));
        assertThat(client.getItem(b -> b.tableName("documents").key(item("id", s("zero")))).item().get("value"))
                .isEqualTo(n("0"));
    }

    @Test
    void keyLookups_withAnExponentBeyondAnInt_overflow() {
        assertValidation(() -> client.getItem(b -> b.tableName("readings").key(item("sensor", n("7e99999999999")))),
                OVERFLOW);
        assertValidation(() -> client.deleteItem(b -> b.tableName("readings")
                .key(item("sensor", n("7e99999999999")))), ENVELOPE + OVERFLOW);
    }

    /** A string that makes an item of {@code id} and {@code body} exactly {@code bytes} long. */
    private static AttributeValue bodyFor(String id, int bytes) {
        return s("x".repeat(bytes - "id".length() - id.length() - "body".length()));
    }

    @Test
    void updateItem_leavingAnItemOver400Kb_isRefusedAsTheItemToUpdate() {
        // a key of at least 22 bytes, so the item left rather than the statement's charge is what binds
        String id = "a-document-that-grows";
        client.updateItem(b -> b.tableName("documents").key(item("id", s(id)))
                .updateExpression("SET body = :b").expressionAttributeValues(Map.of(":b", bodyFor(id, 409_600))));

        assertValidation(() -> client.updateItem(b -> b.tableName("documents").key(item("id", s(id)))
                        .updateExpression("SET body = :b")
                        .expressionAttributeValues(Map.of(":b", bodyFor(id, 409_601)))),
                "Item size to update has exceeded the maximum allowed size");
        assertValidation(() -> client.executeStatement(b -> b
                        .statement("UPDATE \"documents\" SET body = ? WHERE id = ?")
                        .parameters(bodyFor(id, 409_601), s(id))),
                "Item size to update has exceeded the maximum allowed size");
    }

    @Test
    void transactedUpdate_leavingAnItemOver400Kb_cancelsTheTransaction() {
        TransactionCanceledException e = catchThrowableOfType(() -> client.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().put(p -> p.tableName("documents").item(item("id", s("tx-other")))).build(),
                TransactWriteItem.builder().update(u -> u.tableName("documents").key(item("id", s("tx-grows")))
                        .updateExpression("SET body = :b")
                        .expressionAttributeValues(Map.of(":b", bodyFor("tx-grows", 409_601)))).build())),
                TransactionCanceledException.class);

        assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ValidationError");
        assertThat(e.cancellationReasons().get(1).message())
                .isEqualTo("Item size to update has exceeded the maximum allowed size");
        assertThat(client.getItem(b -> b.tableName("documents").key(item("id", s("tx-other")))).hasItem()).isFalse();
    }

    @Test
    void updateExpression_over4096Bytes_isRefusedWithoutItsSize() {
        List<String> actions = new ArrayList<>();
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        for (int i = 0; i < 500; i++) {
            actions.add("counter" + i + " = :v");
        }
        values.put(":v", n("1"));
        String expression = "SET " + String.join(", ", actions);
        assertThat(expression.length()).isGreaterThan(4096);

        assertValidation(() -> client.updateItem(b -> b.tableName("documents").key(item("id", s("big-update")))
                        .updateExpression(expression).expressionAttributeValues(values)),
                ENVELOPE + "Invalid UpdateExpression: Expression size has exceeded the maximum allowed size;");
    }
}
