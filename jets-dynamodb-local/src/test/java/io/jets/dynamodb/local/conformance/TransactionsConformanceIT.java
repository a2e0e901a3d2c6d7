package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * What TransactWriteItems refuses as a whole and what it cancels action by action: a key of the wrong type is
 * that action's ValidationError, while a bad token, a bad enum value or an oversized payload refuse the request,
 * as more than 4 MB of items refuse a TransactGetItems.
 */
class TransactionsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTable() {
        client.createTable(b -> b.tableName("ledger").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("account", ScalarAttributeType.S)).keySchema(hash("account")));
    }

    private static TransactWriteItem put(Object... namesAndValues) {
        return TransactWriteItem.builder().put(p -> p.tableName("ledger").item(item(namesAndValues))).build();
    }

    @Test
    void updateThatOnlyRemoves_fromAMissingItem_createsNoItem() {
        var removeOnly = TransactWriteItem.builder().update(u -> u.tableName("ledger")
                .key(item("account", s("never-opened"))).updateExpression("REMOVE balance")).build();
        var opening = put("account", s("opened"), "balance", n("0"));

        client.transactWriteItems(b -> b.transactItems(removeOnly, opening));

        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("never-opened")))).hasItem())
                .isFalse();
        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("opened")))).hasItem())
                .isTrue();
    }

    @Test
    void keyOfTheWrongType_cancelsWithAValidationErrorReason_andLeavesTheOtherActionsUnchecked() {
        var wrongKey = put("account", n("7"));
        var alsoWrongKey = put("account", n("8"));
        var falseCondition = TransactWriteItem.builder().put(p -> p.tableName("ledger")
                .item(item("account", s("savings"))).conditionExpression("attribute_exists(account)")).build();

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(wrongKey, alsoWrongKey,
                falseCondition)))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific"
                        + " reasons [ValidationError, None, None]")
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons())
                        .extracting(CancellationReason::code, CancellationReason::message)
                        .containsExactly(
                                tuple("ValidationError", "One or more parameter values"
                                        + " were invalid: Type mismatch for key account expected: S actual: N"),
                                tuple("None", null),
                                tuple("None", null)));
    }

    @Test
    void putOver400Kilobytes_refusesTheRequest_whileAnUpdateGrowingAnItemOverIt_cancelsTheTransaction() {
        String statement = "x".repeat(400 * 1024);
        client.putItem(b -> b.tableName("ledger").item(item("account", s("growing"), "note", s("small"))));

        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(
                put("account", s("oversized"), "statement", s(statement)))),
                "Item size has exceeded the maximum allowed size");
        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                .update(u -> u.tableName("ledger").key(item("account", s("growing")))
                        .updateExpression("SET statement = :statement")
                        .expressionAttributeValues(item(":statement", s(statement)))).build())))
                .isInstanceOf(TransactionCanceledException.class)
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons())
                        .extracting(CancellationReason::code, CancellationReason::message)
                        .containsExactly(tuple("ValidationError",
                                "Item size to update has exceeded the maximum allowed size")));
        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("growing")))).item())
                .doesNotContainKey("statement");
    }

    @Test
    void clientRequestToken_longerThan36Characters_isAValidationError() {
        String token = "a".repeat(37);

        client.transactWriteItems(b -> b.clientRequestToken("b".repeat(36)).transactItems(put("account",
                s("checking"))));
        assertValidation(() -> client.transactWriteItems(b -> b.clientRequestToken(token)
                .transactItems(put("account", s("checking")))),
                "1 validation error detected: Value at 'ClientRequestToken' failed to satisfy constraint: Member"
                        + " must have length less than or equal to 36");
    }

    @Test
    void clientRequestToken_reusedWithTheSameItemInAnotherMemberOrder_isTheSameRequest() {
        client.transactWriteItems(b -> b.clientRequestToken("deposit-2024-07-01")
                .transactItems(put("account", s("savings"), "balance", n("120"))));

        client.transactWriteItems(b -> b.clientRequestToken("deposit-2024-07-01")
                .transactItems(put("balance", n("120"), "account", s("savings"))));

        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("savings")))).item())
                .isEqualTo(item("account", s("savings"), "balance", n("120")));
    }

    @Test
    void transactItems_emptyOrOverAHundred_failTheLengthConstraint() {
        List<TransactWriteItem> tooMany = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            tooMany.add(put("account", s("bulk-" + i)));
        }

        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(List.of())),
                "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(tooMany)),
                "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must"
                        + " have length less than or equal to 100");
        assertValidation(() -> client.transactGetItems(b -> b.transactItems(List.of())),
                "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
    }

    @Test
    void everyActionsExpressions_areCheckedBeforeAnyTableIsLookedUp() {
        var missingTable = TransactWriteItem.builder().put(p -> p.tableName("ledger-archive")
                .item(item("account", s("closed")))).build();
        var malformedCondition = TransactWriteItem.builder().conditionCheck(c -> c.tableName("ledger")
                .key(item("account", s("savings"))).conditionExpression("attribute_not_exists(")).build();
        var unusedValue = TransactWriteItem.builder().conditionCheck(c -> c.tableName("ledger")
                .key(item("account", s("savings"))).conditionExpression("attribute_not_exists(account)")
                .expressionAttributeValues(item(":limit", n("100")))).build();

        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(missingTable, malformedCondition)),
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(missingTable, unusedValue)),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:limit}");
    }

    @Test
    void transactGetItems_keyNotMatchingTheSchema_cancelsWithAValidationErrorReason() {
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("ledger").key(item("account", s("checking")))),
                t -> t.get(g -> g.tableName("ledger").key(item("account", n("42")))))))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific"
                        + " reasons [None, ValidationError]")
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons())
                        .extracting(CancellationReason::code, CancellationReason::message)
                        .containsExactly(tuple("None", null),
                                tuple("ValidationError", "The provided key element does not match the schema")));
    }

    @Test
    void transactGetItems_readingOneItemTwice_isRefused_butAKeyNotMatchingTheSchemaCancelsFirst() {
        client.putItem(b -> b.tableName("ledger").item(item("account", s("joint"), "balance", n("120"))));

        assertValidation(() -> client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("ledger").key(item("account", s("joint")))),
                t -> t.get(g -> g.tableName("ledger").key(item("account", s("joint")))
                        .projectionExpression("balance")))),
                "Transaction request cannot include multiple operations on one item");
        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(
                t -> t.get(g -> g.tableName("ledger").key(item("account", s("joint")))),
                t -> t.get(g -> g.tableName("ledger").key(item("account", s("joint")))),
                t -> t.get(g -> g.tableName("ledger").key(item("account", n("3")))))))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific"
                        + " reasons [None, None, ValidationError]");
    }

    @Test
    void returnValuesOnConditionCheckFailure_outsideItsValues_refusesTheWholeRequest() {
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(
                put("account", s("loan")),
                TransactWriteItem.builder().update(u -> u.tableName("ledger").key(item("account", s("loan-2")))
                        .updateExpression("SET balance = :zero").expressionAttributeValues(item(":zero", n("0")))
                        .returnValuesOnConditionCheckFailure("all_old")).build())),
                "1 validation error detected: Value 'all_old' at"
                        + " 'transactItems.2.member.update.returnValuesOnConditionCheckFailure' failed to satisfy"
                        + " constraint: Member must satisfy enum value set: [ALL_OLD, NONE]");
    }

    @Test
    void itemsOverFourMegabytesInTotal_refuseTheRequest_whileThreeMegabytesGoIn() {
        String statement = "x".repeat(100_000);
        List<TransactWriteItem> five = new ArrayList<>();
        List<TransactWriteItem> three = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            five.add(put("account", s("five-" + i), "statement", s(statement)));
        }
        for (int i = 0; i < 30; i++) {
            three.add(put("account", s("three-" + i), "statement", s(statement)));
        }

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(five)))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("size cannot exceed");
        client.transactWriteItems(b -> b.transactItems(three));

        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("five-0")))).hasItem()).isFalse();
        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("three-29")))).item())
                .containsKey("statement");
    }

    @Test
    void transactGetItems_ofItemsAddingUpToOverFourMegabytes_isRefused_whileUnderFourMegabytesIsRead() {
        String statement = "x".repeat(390_000);
        List<TransactGetItem> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            String account = "large-" + i;
            client.putItem(b -> b.tableName("ledger").item(item("account", s(account), "statement", s(statement))));
            eleven.add(TransactGetItem.builder().get(g -> g.tableName("ledger").key(item("account", s(account))))
                    .build());
        }

        assertThatThrownBy(() -> client.transactGetItems(b -> b.transactItems(eleven)))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageContaining("Transaction payload size cannot exceed 4 MB");
        assertThat(client.transactGetItems(b -> b.transactItems(eleven.subList(0, 10))).responses())
                .hasSize(10).allSatisfy(response -> assertThat(response.item()).containsKey("statement"));
    }
}
