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
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * UpdateItem as DynamoDB applies it: which updates create a missing item, where list elements set past the end
 * land, and which functions an update expression may nest.
 */
class UpdateItemConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("carts").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("cart", ScalarAttributeType.S)).keySchema(hash("cart")));
    }

    private static Map<String, AttributeValue> cart(String id) {
        return item("cart", s(id));
    }

    private static Map<String, AttributeValue> read(String id) {
        return client.getItem(b -> b.tableName("carts").key(cart(id)).consistentRead(true)).item();
    }

    @Test
    void updateItem_readingAMissingAttribute_isRefusedWithoutTheUpdateExpressionPrefix() {
        client.putItem(b -> b.tableName("carts").item(item("cart", s("appended"), "fruits",
                AttributeValue.fromL(List.of(s("apple"))))));
        String missing = "The provided expression refers to an attribute that does not exist in the item";

        assertValidation(() -> client.updateItem(b -> b.tableName("carts").key(cart("appended"))
                .updateExpression("SET vegetables = list_append(vegetables, :more)")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromL(List.of(s("leek")))))), missing);
        assertValidation(() -> client.updateItem(b -> b.tableName("carts").key(cart("appended"))
                .updateExpression("SET fruits = list_append(vegetables, :more)")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromL(List.of(s("leek")))))), missing);
        assertValidation(() -> client.updateItem(b -> b.tableName("carts").key(cart("appended"))
                .updateExpression("SET visits = visits + :one").expressionAttributeValues(Map.of(":one", n("1")))),
                missing);
        assertThat(read("appended")).isEqualTo(item("cart", s("appended"), "fruits",
                AttributeValue.fromL(List.of(s("apple")))));
    }

    @Test
    void updateItem_thatOnlyRemoves_createsNoMissingItem() {
        client.updateItem(b -> b.tableName("carts").key(cart("removed")).updateExpression("REMOVE coupon"));
        client.updateItem(b -> b.tableName("carts").key(cart("removed"))
                .updateExpression("REMOVE notes.gift, fruits[0]"));
        client.updateItem(b -> b.tableName("carts").key(cart("removed")).updateExpression("DELETE tags :old")
                .expressionAttributeValues(Map.of(":old", AttributeValue.fromSs(List.of("sale")))));
        client.updateItem(b -> b.tableName("carts").key(cart("removed")).attributeUpdates(Map.of("coupon",
                AttributeValueUpdate.builder().action(AttributeAction.DELETE).build())));

        var response = client.updateItem(b -> b.tableName("carts").key(cart("removed"))
                .updateExpression("REMOVE coupon").returnValues(ReturnValue.ALL_NEW));

        assertThat(response.hasAttributes()).isFalse();
        assertThat(read("removed")).isEmpty();
    }

    @Test
    void updateItem_withNoAction_stillCreatesTheItem() {
        client.updateItem(b -> b.tableName("carts").key(cart("bare")).attributeUpdates(Map.of()));

        assertThat(read("bare")).isEqualTo(cart("bare"));
    }

    @Test
    void updateItem_removingAKeyAttributeOfMissingItem_isStillRefused() {
        assertValidation(() -> client.updateItem(b -> b.tableName("carts").key(cart("keyless"))
                        .updateExpression("REMOVE cart")),
                "One or more parameter values were invalid: Cannot update attribute cart. This attribute is part of "
                        + "the key");
    }

    @Test
    void updateItem_settingSeveralElementsPastTheEnd_appendsThemInIndexOrder() {
        client.putItem(b -> b.tableName("carts").item(item("cart", s("fruits"),
                "fruits", AttributeValue.fromL(List.of(s("apple"))))));

        client.updateItem(b -> b.tableName("carts").key(cart("fruits"))
                .updateExpression("SET fruits[90] = :pear, fruits[20] = :fig, fruits[55] = :kiwi")
                .expressionAttributeValues(Map.of(":pear", s("pear"), ":fig", s("fig"), ":kiwi", s("kiwi"))));

        assertThat(read("fruits").get("fruits").l()).containsExactly(s("apple"), s("fig"), s("kiwi"), s("pear"));
    }

    @Test
    void updateItem_elementsSetAndAddedPastTheEnd_areAppendedInIndexOrder_andUpdatedNewReadsTheirPaths() {
        client.putItem(b -> b.tableName("carts").item(item("cart", s("mixed"),
                "fruits", AttributeValue.fromL(List.of(s("apple"), s("fig"))))));

        var response = client.updateItem(b -> b.tableName("carts").key(cart("mixed"))
                .updateExpression("SET fruits[4] = :pear ADD fruits[8] :tags, fruits[6] :count")
                .expressionAttributeValues(Map.of(":pear", s("pear"), ":tags", AttributeValue.fromSs(List.of("ripe")),
                        ":count", n("2")))
                .returnValues("UPDATED_NEW"));

        assertThat(read("mixed").get("fruits").l()).containsExactly(s("apple"), s("fig"), s("pear"), n("2"),
                AttributeValue.fromSs(List.of("ripe")));
        assertThat(response.attributes().get("fruits").l()).containsExactly(AttributeValue.fromSs(List.of("ripe")));
    }

    @Test
    void updateItem_listAppendOfIfNotExists_startsAndExtendsTheList() {
        for (String fruit : List.of("plum", "lime")) {
            client.updateItem(b -> b.tableName("carts").key(cart("nested"))
                    .updateExpression("SET fruits = list_append(if_not_exists(fruits, :none), :more)")
                    .expressionAttributeValues(Map.of(":none", AttributeValue.fromL(List.of()),
                            ":more", AttributeValue.fromL(List.of(s(fruit))))));
        }

        assertThat(read("nested").get("fruits").l()).containsExactly(s("plum"), s("lime"));
    }

    @Test
    void updateItem_listAppendInsideListAppend_isValidationError() {
        var one = AttributeValue.fromL(List.of(n("1")));
        assertValidation(() -> client.updateItem(b -> b.tableName("carts").key(cart("twice"))
                        .updateExpression("SET fruits = list_append(list_append(:a, :b), :c)")
                        .expressionAttributeValues(Map.of(":a", one, ":b", one, ":c", one))),
                ENVELOPE + "Invalid UpdateExpression: The function is not allowed to be used this way in an "
                        + "expression; "
                        + "function: list_append");
    }

    @Test
    void conditionExpression_attributeTypeOfAValue_isEvaluated() {
        client.updateItem(b -> b.tableName("carts").key(cart("typed"))
                .updateExpression("SET amount = :amount")
                .conditionExpression("attribute_type(:amount, :number)")
                .expressionAttributeValues(Map.of(":amount", n("12"), ":number", s("N"))));

        assertThat(read("typed").get("amount")).isEqualTo(n("12"));
    }

    @Test
    void conditionExpression_withUpdateFunction_isValidationError() {
        assertValidation(() -> client.updateItem(b -> b.tableName("carts").key(cart("guarded"))
                        .updateExpression("SET amount = :amount")
                        .conditionExpression("if_not_exists(amount, :amount) = :amount")
                        .expressionAttributeValues(Map.of(":amount", n("1")))),
                ENVELOPE + "Invalid ConditionExpression: The function is not allowed in a condition expression; "
                        + "function: if_not_exists");
        assertValidation(() -> client.deleteItem(b -> b.tableName("carts").key(cart("guarded"))
                        .conditionExpression("list_append(fruits, :more) = :more")
                        .expressionAttributeValues(Map.of(":more", AttributeValue.fromL(List.of())))),
                ENVELOPE + "Invalid ConditionExpression: The function is not allowed in a condition expression; "
                        + "function: list_append");
    }
}
