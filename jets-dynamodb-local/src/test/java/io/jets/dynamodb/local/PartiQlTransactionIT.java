package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExecuteTransactionResponse;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ItemResponse;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/** ExecuteTransaction: PartiQL statements that all read or all write, all or nothing. */
class PartiQlTransactionIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    @BeforeAll
    static void createTables() {
        Clients.createTable(client, "wallets", false, null);
    }

    private static ParameterizedStatement statement(String text, AttributeValue... parameters) {
        return ParameterizedStatement.builder().statement(text).parameters(parameters.length == 0 ? null
                : List.of(parameters)).build();
    }

    private static void put(String id, String balance) {
        client.putItem(b -> b.tableName("wallets").item(Map.of("id", s(id), "balance", n(balance))));
    }

    private static Map<String, AttributeValue> stored(String id) {
        return client.getItem(b -> b.tableName("wallets").key(Map.of("id", s(id))).consistentRead(true)).item();
    }

    @Test
    void writes_applyTogether_answerAnEmptyResponsesList_andStreamOneRecordEach() {
        String arn = Clients.createTable(client, "ledger", false, StreamViewType.NEW_AND_OLD_IMAGES);
        client.putItem(b -> b.tableName("ledger").item(Map.of("id", s("old"), "amount", n("5"))));
        client.putItem(b -> b.tableName("ledger").item(Map.of("id", s("gone"))));

        ExecuteTransactionResponse response = client.executeTransaction(b -> b.transactStatements(
                statement("INSERT INTO ledger VALUE {'id': 'new', 'amount': 1}"),
                statement("UPDATE ledger SET amount = amount + ? WHERE id = 'old'", n("2")),
                statement("DELETE FROM ledger WHERE id = 'gone'")));

        assertThat(response.responses()).isEmpty();
        assertThat(response.sdkHttpResponse().isSuccessful()).isTrue();
        List<Record> records = ConcurrencyIT.readAll(streams, arn).subList(2, 5);
        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(1).dynamodb().newImage()).containsEntry("amount", n("7"));
    }

    @Test
    void insertOfAnExistingKey_cancelsEveryStatement_withDuplicateItemInStatementOrder() {
        put("alice", "10");
        put("bob", "3");

        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("UPDATE wallets SET balance = 0 WHERE id = 'alice'"),
                statement("INSERT INTO wallets VALUE {'id': 'bob', 'balance': 99}"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer"
                            + " cancellation reasons for specific reasons [None, DuplicateItem]");
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "DuplicateItem");
                    assertThat(e.cancellationReasons().get(1).message())
                            .isEqualTo("Duplicate primary key exists in table");
                });
        assertThat(stored("alice")).containsEntry("balance", n("10"));
        assertThat(stored("bob")).containsEntry("balance", n("3"));
    }

    @Test
    void updateOfAMissingItem_cancelsWithConditionalCheckFailed() {
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("UPDATE wallets SET balance = 1 WHERE id = 'nobody'"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(
                        e.cancellationReasons()).extracting(CancellationReason::code)
                        .containsExactly("ConditionalCheckFailed"));
        assertThat(client.getItem(b -> b.tableName("wallets").key(Map.of("id", s("nobody")))).hasItem()).isFalse();
    }

    @Test
    void existsWithACondition_guardsTheWrites() {
        put("carol", "50");
        put("dave", "0");

        client.executeTransaction(b -> b.transactStatements(
                statement("EXISTS(SELECT * FROM wallets WHERE id = 'carol' AND balance >= 20)"),
                statement("UPDATE wallets SET balance = balance + 20 WHERE id = 'dave'")));
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("EXISTS(SELECT * FROM wallets WHERE id = 'carol' AND balance >= 100)"),
                statement("UPDATE wallets SET balance = balance + 100 WHERE id = 'dave'"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> assertThat(
                        e.cancellationReasons()).extracting(CancellationReason::code)
                        .containsExactly("ConditionalCheckFailed", "None"));

        assertThat(stored("dave")).containsEntry("balance", n("20"));
    }

    @Test
    void whereConditionOnAnUpdate_isTheWritesCondition() {
        put("erin", "5");

        client.executeTransaction(b -> b.transactStatements(
                statement("UPDATE wallets SET flagged = true WHERE id = 'erin' AND attribute_exists(balance)")));

        assertThat(stored("erin")).containsEntry("flagged", AttributeValue.fromBool(true));
    }

    @Test
    void reads_answerOneEntryPerStatement_emptyForAMissingItem() {
        put("frank", "8");

        ExecuteTransactionResponse response = client.executeTransaction(b -> b.transactStatements(
                statement("SELECT balance FROM wallets WHERE id = ?", s("frank")),
                statement("SELECT * FROM wallets WHERE id = 'ghost'")));

        assertThat(response.responses()).extracting(ItemResponse::item)
                .containsExactly(Map.of("balance", n("8")), Map.of());
    }

    @Test
    void writesAskedForCapacity_returnItPerTable() {
        put("gina", "1");

        ExecuteTransactionResponse response = client.executeTransaction(b -> b.transactStatements(
                statement("UPDATE wallets SET balance = 2 WHERE id = 'gina'"))
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL));

        assertThat(response.consumedCapacity()).singleElement().satisfies(capacity -> {
            assertThat(capacity.tableName()).isEqualTo("wallets");
            assertThat(capacity.writeCapacityUnits()).isEqualTo(2.0);
        });
    }

    @Test
    void clientRequestToken_makesARetryANoOp_andRefusesADifferentRequest() {
        put("hank", "1");

        for (int i = 0; i < 2; i++) {
            client.executeTransaction(b -> b.clientRequestToken("transfer-42").transactStatements(
                    statement("UPDATE wallets SET balance = balance + 1 WHERE id = 'hank'")));
        }

        assertThat(stored("hank")).containsEntry("balance", n("2"));
        assertThatThrownBy(() -> client.executeTransaction(b -> b.clientRequestToken("transfer-42")
                .transactStatements(statement("UPDATE wallets SET balance = 0 WHERE id = 'hank'"))))
                .isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void selectWithAFunction_isRefusedNamingTheStatement() {
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("SELECT * FROM wallets WHERE id = 'x' AND attribute_exists(balance)"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Validation failed in TransactStatements[0]: Select statements within"
                        + " ExecuteTransaction must specify the primary key in the where clause.");
    }

    @Test
    void existsWithoutACondition_isRefused() {
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("UPDATE wallets SET balance = 1 WHERE id = 'x'"),
                statement("EXISTS(SELECT * FROM wallets WHERE id = 'y')"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Validation failed in TransactStatements[1]: EXISTS() must contain a single"
                        + " item read with additional condition");
    }

    @Test
    void readsAndWritesTogether_orReturning_orExistsOutsideATransaction_areRefused() {
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("SELECT * FROM wallets WHERE id = 'x'"),
                statement("UPDATE wallets SET balance = 1 WHERE id = 'y'"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("ExecuteTransaction API does not support both read and write operations in"
                        + " the same request.");
        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(
                statement("UPDATE wallets SET balance = 1 WHERE id = 'y' RETURNING ALL NEW *"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Validation failed in TransactStatements[0]: RETURNING clause is not supported"
                        + " in ExecuteTransaction.");
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement(
                "EXISTS(SELECT * FROM wallets WHERE id = 'y' AND balance > 0)")))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("EXISTS can only be used in ExecuteTransaction write requests.");
    }

    @Test
    void moreThanAHundredStatements_areRefused() {
        List<ParameterizedStatement> statements = new java.util.ArrayList<>();
        for (int i = 0; i < 101; i++) {
            statements.add(statement("DELETE FROM wallets WHERE id = 'w" + i + "'"));
        }

        assertThatThrownBy(() -> client.executeTransaction(b -> b.transactStatements(statements)))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value at 'transactStatements' failed to satisfy"
                        + " constraint: Member must have length less than or equal to 100");
    }
}
