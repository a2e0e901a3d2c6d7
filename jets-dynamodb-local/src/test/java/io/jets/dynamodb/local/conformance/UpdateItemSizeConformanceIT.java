package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.idTable;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * UpdateItem's UpdateExpression is held to the 400 KB item limit by what it writes as well as by the item it leaves:
 * 3 bytes for the update, 19 plus the target plus the operand for a SET or ADD, 1 plus the target for a REMOVE or
 * DELETE. The key is not written, so at a key shorter than a clause's cost the ceiling falls below 409,600 bytes.
 * AttributeUpdates, transactions and PartiQL size the finished item alone.
 */
class UpdateItemSizeConformanceIT {

    private static final int MAX = 409_600;
    private static final String TOO_BIG = "Item size to update has exceeded the maximum allowed size";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        idTable(client, "docs");
    }

    private static AttributeValue text(int bytes) {
        return s("x".repeat(bytes));
    }

    private static void setB(String id, int padding) {
        client.updateItem(b -> b.tableName("docs").key(item("id", s(id)))
                .updateExpression("SET b = :pad").expressionAttributeValues(Map.of(":pad", text(padding))));
    }

    private static int storedSize(String id) {
        Map<String, AttributeValue> stored = client.getItem(b -> b.tableName("docs").key(item("id", s(id)))
                .consistentRead(true)).item();
        int size = 0;
        for (Map.Entry<String, AttributeValue> e : stored.entrySet()) {
            size += e.getKey().length() + e.getValue().s().length();
        }
        return size;
    }

    @Test
    void updateExpression_atAOneByteKey_topsOutNineteenBytesBelowTheItemLimit() {
        // one SET costs 3 + 19 + its target and value; the 3 key bytes are not counted against it
        int padding = MAX - 3 - 19 - 1;
        setB("K", padding);
        assertThat(storedSize("K")).isEqualTo(MAX - 19);

        assertValidation(() -> setB("L", padding + 1), TOO_BIG);
        assertThat(client.getItem(b -> b.tableName("docs").key(item("id", s("L")))).hasItem()).isFalse();
    }

    @Test
    void updateExpression_atALongKey_isCappedByTheFinishedItem() {
        String id = "k".repeat(100);
        setB(id, MAX - 2 - 100 - 1);
        assertThat(storedSize(id)).isEqualTo(MAX);

        assertValidation(() -> setB("j".repeat(100), MAX - 2 - 100 - 1 + 1), TOO_BIG);
    }

    @Test
    void updateExpression_chargesEachClauseKind_notWhatTheClauseReadsOrRemoves() {
        client.putItem(b -> b.tableName("docs").item(item("id", s("C1"), "abcdefghij", s("y".repeat(10)),
                "n", n("1"), "r", s("rrrrr"), "ss", AttributeValue.fromSs(List.of("p", "q".repeat(20))))));
        // SET b = :pad (23 + padding), then c = abcdefghij (19 + 1 + 1 + 14 + 10), n = n + :one (19 + 1 + 34 + 16
        // + 2), REMOVE r (1 + 1), DELETE ss :rm (1 + 2), ADD m :one (19 + 1 + 2)
        int charge = 23 + 45 + 72 + 2 + 3 + 22;
        String expression = "SET b = :pad, c = abcdefghij, n = n + :one REMOVE r DELETE ss :rm ADD m :one";
        Map<String, AttributeValue> values = Map.of(":one", n("1"),
                ":rm", AttributeValue.fromSs(List.of("q".repeat(20))));

        Map<String, AttributeValue> accepted = new HashMap<>(values);
        accepted.put(":pad", text(MAX - charge));
        client.updateItem(b -> b.tableName("docs").key(item("id", s("C1")))
                .updateExpression(expression).expressionAttributeValues(accepted));

        client.putItem(b -> b.tableName("docs").item(item("id", s("C2"), "abcdefghij", s("y".repeat(10)),
                "n", n("1"), "r", s("rrrrr"), "ss", AttributeValue.fromSs(List.of("p", "q".repeat(20))))));
        Map<String, AttributeValue> refused = new HashMap<>(values);
        refused.put(":pad", text(MAX - charge + 1));
        assertValidation(() -> client.updateItem(b -> b.tableName("docs").key(item("id", s("C2")))
                .updateExpression(expression).expressionAttributeValues(refused)), TOO_BIG);
    }

    @Test
    void updateExpression_chargedOverTheLimit_isRefusedBeforeItsCondition() {
        client.putItem(b -> b.tableName("docs").item(item("id", s("order"), "c", s("x"))));

        // the item keeps its small c, but the statement carries the whole fallback
        assertValidation(() -> client.updateItem(b -> b.tableName("docs").key(item("id", s("order")))
                .updateExpression("SET c = if_not_exists(c, :huge)")
                .conditionExpression("attribute_exists(nope)")
                .expressionAttributeValues(Map.of(":huge", text(409_700)))), TOO_BIG);
    }

    @Test
    void attributeUpdatesTransactionsAndPartiQl_sizeTheFinishedItemOnly() {
        client.updateItem(b -> b.tableName("docs").key(item("id", s("A")))
                .attributeUpdates(Map.of("b", AttributeValueUpdate.builder().action(AttributeAction.PUT)
                        .value(text(MAX - 3 - 1)).build())));
        assertThat(storedSize("A")).isEqualTo(MAX);

        client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder().update(u -> u.tableName("docs")
                .key(item("id", s("T"))).updateExpression("SET b = :pad")
                .expressionAttributeValues(Map.of(":pad", text(MAX - 3 - 1)))).build()));
        assertThat(storedSize("T")).isEqualTo(MAX);

        client.putItem(b -> b.tableName("docs").item(item("id", s("P"))));
        client.executeStatement(b -> b.statement("UPDATE \"docs\" SET b = ? WHERE id = ?")
                .parameters(text(MAX - 3 - 1), s("P")));
        assertThat(storedSize("P")).isEqualTo(MAX);
    }
}
