package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Which problem TransactWriteItems and TransactGetItems report, and how: expressions and item values are read
 * for every action before any table is looked up, a key that does not fit its table's schema cancels the
 * transaction with a ValidationError reason for that action, and the request members are checked first of all.
 */
class TransactionValidationConformanceIT {

    private static final String SCHEMA_MISMATCH = "The provided key element does not match the schema";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("ledger").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("account", ScalarAttributeType.S)).keySchema(hash("account")));
    }

    private static TransactWriteItem put(String table, String account) {
        return TransactWriteItem.builder().put(p -> p.tableName(table).item(item("account", s(account)))).build();
    }

    private static TransactionCanceledException cancellation(Runnable call) {
        return catchThrowableOfType(call::run, TransactionCanceledException.class);
    }

    private static List<String> codes(TransactionCanceledException e) {
        return e.cancellationReasons().stream().map(CancellationReason::code).toList();
    }

    @Test
    void put_keyOfTheWrongType_cancelsWithAValidationErrorReason() {
        TransactionCanceledException e = cancellation(() -> client.transactWriteItems(b -> b.transactItems(
                put("ledger", "fine"),
                TransactWriteItem.builder().put(p -> p.tableName("ledger").item(item("account", n("42")))).build())));

        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer cancellation"
                + " reasons for specific reasons [None, ValidationError]");
        assertThat(codes(e)).containsExactly("None", "ValidationError");
        assertThat(e.cancellationReasons().get(1).message()).isEqualTo("One or more parameter values were invalid:"
                + " Type mismatch for key account expected: S actual: N");
        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("fine")))).hasItem()).isFalse();
    }

    @Test
    void updateDeleteAndConditionCheck_keyOfTheWrongType_cancelWithTheSchemaMismatch() {
        List<TransactWriteItem> actions = List.of(
                TransactWriteItem.builder().update(u -> u.tableName("ledger").key(item("account", n("1")))
                        .updateExpression("SET balance = :b").expressionAttributeValues(Map.of(":b", n("0")))).build(),
                TransactWriteItem.builder().delete(d -> d.tableName("ledger").key(item("account", n("1")))).build(),
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("ledger").key(item("account", n("1")))
                        .conditionExpression("attribute_exists(account)")).build());
        for (TransactWriteItem action : actions) {
            TransactionCanceledException e = cancellation(() -> client.transactWriteItems(b -> b
                    .transactItems(action)));

            assertThat(codes(e)).containsExactly("ValidationError");
            assertThat(e.cancellationReasons().get(0).message()).isEqualTo(SCHEMA_MISMATCH);
        }
    }

    @Test
    void emptyStringKey_isRefusedOutright() {
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .delete(d -> d.tableName("ledger").key(item("account", s("")))).build())),
                "One or more parameter values are not valid. The AttributeValue for a key attribute cannot contain"
                        + " an empty string value. Key: account");
    }

    @Test
    void transactGet_emptyKey_cancelsWithAValidationErrorReason() {
        TransactionCanceledException e = cancellation(() -> client.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("ledger").key(Map.of())).build())));

        assertThat(codes(e)).containsExactly("ValidationError");
    }

    @Test
    void malformedConditionOnALaterAction_isReportedAheadOfAMissingTable() {
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(put("no-such-ledger", "a"),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName("ledger")
                                .key(item("account", s("b"))).conditionExpression("attribute_exists(")).build())),
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"(\"");
    }

    @Test
    void unusedValueOnALaterAction_isReportedAheadOfAMissingTable() {
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(put("no-such-ledger", "a"),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName("ledger")
                                .key(item("account", s("b"))).conditionExpression("attribute_exists(account)")
                                .expressionAttributeValues(Map.of(":unused", s("x")))).build())),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:unused}");
    }

    @Test
    void keyNestedPast32Levels_isReportedAheadOfALaterActionsSyntaxError() {
        AttributeValue nested = s("leaf");
        for (int i = 0; i < 40; i++) {
            nested = AttributeValue.fromM(Map.of("child", nested));
        }
        AttributeValue deepKey = nested;
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder().delete(d -> d.tableName("no-such-ledger")
                                .key(item("account", deepKey))).build(),
                        TransactWriteItem.builder().put(p -> p.tableName("ledger").item(item("account", s("c")))
                                .conditionExpression("balance = = total")).build())),
                "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels beyond"
                        + " supported limit");
    }

    @Test
    void clientRequestTokenOver36Characters_isRefusedBeforeTheEnums() {
        String token = "t".repeat(37);
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(put("ledger", "token"))
                        .clientRequestToken(token).returnConsumedCapacity("EVERYTHING")),
                "1 validation error detected: Value at 'ClientRequestToken' failed to satisfy constraint: Member"
                        + " must have length less than or equal to 36");
        assertThat(client.getItem(b -> b.tableName("ledger").key(item("account", s("token")))).hasItem()).isFalse();
    }

    @Test
    void over100Actions_nameTheTransactItemsMember() {
        List<TransactWriteItem> actions = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            actions.add(put("ledger", "bulk-" + i));
        }
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(actions)),
                "1 validation error detected: Value at 'TransactItems' failed to satisfy constraint: Member must"
                        + " have length less than or equal to 100");
    }

    @Test
    void actionWithoutAMemberItsModelRequires_failsThatMembersNotNullConstraint() {
        String notNull = "' failed to satisfy constraint: Member must not be null";
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .update(u -> u.tableName("ledger").key(item("account", s("a")))).build())),
                "1 validation error detected: Value null at 'transactItems.1.member.update.updateExpression"
                        + notNull);
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .put(p -> p.tableName("ledger")).build())),
                "1 validation error detected: Value null at 'transactItems.1.member.put.item" + notNull);
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(TransactWriteItem.builder()
                        .delete(d -> d.tableName("ledger")).build())),
                "1 validation error detected: Value null at 'transactItems.1.member.delete.key" + notNull);
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(put("ledger", "a"),
                        TransactWriteItem.builder().conditionCheck(c -> c.tableName("ledger")).build())),
                "2 validation errors detected: Value null at 'transactItems.2.member.conditionCheck"
                        + ".conditionExpression" + notNull + "; Value null at 'transactItems.2.member.conditionCheck"
                        + ".key" + notNull);
        assertValidation(() -> client.transactGetItems(b -> b.transactItems(TransactGetItem.builder()
                        .get(g -> g.tableName("ledger")).build())),
                "1 validation error detected: Value null at 'transactItems.1.member.get.key" + notNull);
    }
}
