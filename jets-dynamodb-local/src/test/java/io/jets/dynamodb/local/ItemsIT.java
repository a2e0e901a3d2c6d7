package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

class ItemsIT {

    /** What PutItem, UpdateItem and DeleteItem put before a message their request validation refuses with. */
    private static final String ENVELOPE = "1 validation error detected: ";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        Clients.createTable(client, "items", false, null);
        Clients.createTable(client, "items-sorted", true, null);
    }

    @Test
    void putItem_thenGetItem_returnsItemWithCanonicalNumbers() {
        client.putItem(b -> b.tableName("items").item(Map.of("id", s("put-get"), "n", n("01.50"), "ok",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true))));

        var item = client.getItem(b -> b.tableName("items").key(Map.of("id", s("put-get")))).item();

        assertThat(item).isEqualTo(Map.of("id", s("put-get"), "n", n("1.5"), "ok",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromBool(true)));
    }

    @Test
    void getItem_missing_returnsNoItem() {
        var response = client.getItem(b -> b.tableName("items").key(Map.of("id", s("never-written"))));

        assertThat(response.hasItem()).isFalse();
    }

    @Test
    void putItem_returnsAllOld() {
        client.putItem(b -> b.tableName("items").item(Map.of("id", s("all-old"), "v", s("1"))));

        var response = client.putItem(b -> b.tableName("items").item(Map.of("id", s("all-old"), "v", s("2")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(Map.of("id", s("all-old"), "v", s("1")));
    }

    @Test
    void putItem_missingKey_isValidationError() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("name", s("x")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Missing the key id in the item");
    }

    @Test
    void putItem_wrongKeyType_isValidationError() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("id", n("1")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Type mismatch for key id"
                        + " expected: S actual: N");
    }

    @Test
    void putItem_emptyStringKey_isValidationError() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("id", s("")))))
                .hasMessageStartingWith("One or more parameter values are not valid. The AttributeValue for a key"
                        + " attribute cannot contain an empty string value. Key: id");
    }

    @Test
    void putItem_over400Kb_isValidationError() {
        String big = "x".repeat(400 * 1024);

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("id", s("big"), "v", s(big)))))
                .hasMessageStartingWith("Item size has exceeded the maximum allowed size");
        assertThat(client.getItem(b -> b.tableName("items").key(Map.of("id", s("big")))).hasItem()).isFalse();
    }

    @Test
    void putItem_unknownTable_isResourceNotFound() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("no-such-table").item(Map.of("id", s("x")))))
                .isInstanceOf(ResourceNotFoundException.class)
                .hasMessageStartingWith("Requested resource not found");
    }

    @Test
    void getItem_keyWithExtraAttribute_doesNotMatchSchema() {
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("items").key(Map.of("id", s("a"), "x", s("b")))))
                .hasMessageStartingWith("The provided key element does not match the schema");
    }

    @Test
    void putItem_withFailingCondition_isConditionalCheckFailed_andReturnsOldItem() {
        client.putItem(b -> b.tableName("items").item(Map.of("id", s("cond"), "v", s("1"))));

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("id", s("cond")))
                .conditionExpression("attribute_not_exists(id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.getMessage()).startsWith("The conditional request failed");
                    assertThat(e.item()).isEqualTo(Map.of("id", s("cond"), "v", s("1")));
                });
        assertThat(client.getItem(b -> b.tableName("items").key(Map.of("id", s("cond")))).item())
                .containsEntry("v", s("1"));
    }

    @Test
    void updateItem_setAndRemove_returnsAllNew() {
        client.putItem(b -> b.tableName("items").item(Map.of("id", s("upd"), "a", s("1"), "b", s("2"))));

        var response = client.updateItem(b -> b.tableName("items").key(Map.of("id", s("upd")))
                .updateExpression("SET #a = :a, c = :c REMOVE b")
                .expressionAttributeNames(Map.of("#a", "a"))
                .expressionAttributeValues(Map.of(":a", s("10"), ":c", n("3")))
                .returnValues(ReturnValue.ALL_NEW));

        assertThat(response.attributes()).isEqualTo(Map.of("id", s("upd"), "a", s("10"), "c", n("3")));
    }

    @Test
    void updateItem_onMissingItem_createsIt_andReturnsUpdatedNew() {
        var response = client.updateItem(b -> b.tableName("items").key(Map.of("id", s("created")))
                .updateExpression("ADD n :one").expressionAttributeValues(Map.of(":one", n("1")))
                .returnValues(ReturnValue.UPDATED_NEW));

        assertThat(response.attributes()).isEqualTo(Map.of("n", n("1")));
        assertThat(client.getItem(b -> b.tableName("items").key(Map.of("id", s("created")))).item())
                .isEqualTo(Map.of("id", s("created"), "n", n("1")));
    }

    @Test
    void updateItem_unusedValue_isValidationError() {
        assertThatThrownBy(() -> client.updateItem(b -> b.tableName("items").key(Map.of("id", s("unused")))
                .updateExpression("SET a = :a")
                .expressionAttributeValues(Map.of(":a", s("1"), ":b", s("2")))))
                .hasMessageStartingWith(ENVELOPE + "Value provided in ExpressionAttributeValues unused in "
                        + "expressions: keys:"
                        + " {:b}");
    }

    @Test
    void deleteItem_returnsAllOld_andRemovesItem() {
        client.putItem(b -> b.tableName("items").item(Map.of("id", s("del"), "v", s("1"))));

        var response = client.deleteItem(b -> b.tableName("items").key(Map.of("id", s("del")))
                .returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(Map.of("id", s("del"), "v", s("1")));
        assertThat(client.getItem(b -> b.tableName("items").key(Map.of("id", s("del")))).hasItem()).isFalse();
    }

    @Test
    void putItem_returnValuesAllNew_isValidationError() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("id", s("rv")))
                .returnValues(ReturnValue.ALL_NEW)))
                .hasMessageStartingWith(ENVELOPE + "ReturnValues can only be ALL_OLD or NONE");
    }

    @Test
    void putItem_numberBeyond38Digits_isValidationError() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("id", s("digits"),
                "n", n("1" + "0".repeat(38) + "1")))))
                .hasMessageStartingWith(ENVELOPE + "Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void putItem_emptySet_isValidationError() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("items").item(Map.of("id", s("set"),
                "tags", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromSs(java.util.List.of())))))
                .hasMessageStartingWith(ENVELOPE + "One or more parameter values were invalid: An string set  "
                        + "may not be empty");
    }

    @Test
    void getItem_withProjection_returnsOnlyNamedAttributes() {
        client.putItem(b -> b.tableName("items-sorted").item(Map.of("id", s("p"), "sk", n("1"), "a", s("x"),
                "b", s("y"))));

        var item = client.getItem(b -> b.tableName("items-sorted").key(Map.of("id", s("p"), "sk", n("1")))
                .projectionExpression("a")).item();

        assertThat(item).isEqualTo(Map.of("a", s("x")));
    }
}
