package io.jets.dynamodb.local.clients;

import static io.jets.dynamodb.local.clients.EnhancedClientIT.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jets.dynamodb.local.LocalServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticAttributeTags;
import software.amazon.awssdk.enhanced.dynamodb.mapper.StaticTableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.BatchGetResultPageIterable;
import software.amazon.awssdk.enhanced.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.enhanced.dynamodb.model.ReadBatch;
import software.amazon.awssdk.enhanced.dynamodb.model.TransactPutItemEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.WriteBatch;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/** Batches and transactions across tables mapped from a bean, an immutable value and a static schema. */
class EnhancedBatchTransactionIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(local.dynamoDb()).build();
    private static final DynamoDbTable<Order> orders = enhanced.table("orders", EnhancedClientIT.ORDER);
    private static final DynamoDbTable<Customer> customers = enhanced.table("customers",
            TableSchema.fromImmutableClass(Customer.class));

    private static final DynamoDbTable<Payment> payments = enhanced.table("payments", Payment.SCHEMA);

    @BeforeAll
    static void createTables() {
        EnhancedClientIT.createOrdersTable(orders);
        customers.createTable();
        payments.createTable();
    }

    /** A payment mapped with a static schema, as users do who keep annotations off their classes. */
    static final class Payment {
        static final TableSchema<Payment> SCHEMA = StaticTableSchema.builder(Payment.class)
                .newItemSupplier(Payment::new)
                .addAttribute(String.class, a -> a.name("id").getter(p -> p.id).setter((p, v) -> p.id = v)
                        .tags(StaticAttributeTags.primaryPartitionKey()))
                .addAttribute(BigDecimal.class, a -> a.name("amount").getter(p -> p.amount)
                        .setter((p, v) -> p.amount = v))
                .build();

        String id;
        BigDecimal amount;

        static Payment of(String id, String amount) {
            Payment payment = new Payment();
            payment.id = id;
            payment.amount = new BigDecimal(amount);
            return payment;
        }
    }

    private static Key id(String id) {
        return Key.builder().partitionValue(id).build();
    }

    @Test
    void batchWriteAndGet_acrossTwoTables() {
        customers.putItem(Customer.of("gone", "Old", null));
        enhanced.batchWriteItem(b -> b
                .addWriteBatch(WriteBatch.builder(Payment.class).mappedTableResource(payments)
                        .addPutItem(Payment.of("p-1", "19.99"))
                        .addPutItem(Payment.of("p-2", "0.000000000000000000000000000000000001")).build())
                .addWriteBatch(WriteBatch.builder(Customer.class).mappedTableResource(customers)
                        .addPutItem(Customer.of("batch", "Batch Ltd", Set.of("b2b", "eu")))
                        .addDeleteItem(id("gone")).build()));

        BatchGetResultPageIterable result = enhanced.batchGetItem(b -> b
                .addReadBatch(ReadBatch.builder(Payment.class).mappedTableResource(payments)
                        .addGetItem(id("p-1")).addGetItem(id("p-2")).addGetItem(id("p-missing")).build())
                .addReadBatch(ReadBatch.builder(Customer.class).mappedTableResource(customers)
                        .addGetItem(id("batch")).addGetItem(id("gone")).build()));
        List<Payment> foundPayments = new ArrayList<>();
        List<Customer> foundCustomers = new ArrayList<>();
        result.forEach(page -> {
            foundPayments.addAll(page.resultsForTable(payments));
            foundCustomers.addAll(page.resultsForTable(customers));
            assertThat(page.unprocessedKeysForTable(payments)).isEmpty();
        });

        assertThat(foundPayments).extracting(p -> p.id + "=" + p.amount.toString())
                .containsExactlyInAnyOrder("p-1=19.99", "p-2=1E-36");
        assertThat(foundCustomers).containsExactly(Customer.of("batch", "Batch Ltd", Set.of("b2b", "eu")));
    }

    @Test
    void transactWrite_withAFailingConditionCheck_writesNothing_andNamesTheReason() {
        customers.putItem(Customer.of("tx", "Tx Inc", null));
        orders.putItem(new Order("tx", "existing", "open", 5));

        TransactionCanceledException error = catchThrowableOfType(TransactionCanceledException.class,
                () -> enhanced.transactWriteItems(b -> b
                        .addPutItem(orders, new Order("tx", "o-new", "open", 9))
                        .addConditionCheck(customers, ConditionCheck.builder().key(id("tx"))
                                .conditionExpression(Expression.builder().expression("#n = :n")
                                        .putExpressionName("#n", "name")
                                        .putExpressionValue(":n", AttributeValue.fromS("Someone Else")).build())
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                                .build())
                        .addDeleteItem(orders, key("tx", "existing"))));

        assertThat(error.getMessage()).startsWith("Transaction cancelled, please refer cancellation reasons for "
                + "specific reasons [None, ConditionalCheckFailed, None]");
        assertThat(error.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed", "None");
        assertThat(error.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
        assertThat(error.cancellationReasons().get(1).item())
                .containsEntry("name", AttributeValue.fromS("Tx Inc"));
        assertThat(orders.getItem(key("tx", "o-new"))).isNull();
        assertThat(orders.getItem(key("tx", "existing"))).isNotNull();
    }

    @Test
    void transactWrite_withAStaleVersion_isCancelled_byTheVersioningCondition() {
        orders.putItem(new Order("txv", "o-1", "open", 1));
        Order stale = orders.getItem(key("txv", "o-1"));
        orders.putItem(orders.getItem(key("txv", "o-1")));

        TransactionCanceledException error = catchThrowableOfType(TransactionCanceledException.class,
                () -> enhanced.transactWriteItems(b -> b
                        .addPutItem(customers, Customer.of("txv", "Fine", null))
                        .addPutItem(orders, TransactPutItemEnhancedRequest.builder(Order.class).item(stale)
                                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                                .build())));

        assertThat(error.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "ConditionalCheckFailed");
        assertThat(error.cancellationReasons().get(1).item()).containsEntry("version", AttributeValue.fromN("2"));
        assertThat(customers.getItem(id("txv"))).isNull();
    }

    @Test
    void transactWrite_thatSucceeds_appliesEveryAction() {
        orders.putItem(new Order("txok", "o-1", "open", 1));
        Order current = orders.getItem(key("txok", "o-1"));
        current.setStatus("shipped");

        customers.putItem(Customer.of("txok", "Ok", null));

        enhanced.transactWriteItems(b -> b.addUpdateItem(orders, current)
                .addPutItem(payments, Payment.of("txok", "12.50"))
                .addConditionCheck(customers, ConditionCheck.builder().key(id("txok"))
                        .conditionExpression(Expression.builder().expression("attribute_exists(id)").build())
                        .build()));

        Order updated = orders.getItem(key("txok", "o-1"));
        assertThat(updated.getStatus()).isEqualTo("shipped");
        assertThat(updated.getVersion()).isEqualTo(2L);
        assertThat(payments.getItem(id("txok")).amount).isEqualByComparingTo("12.5");
    }

    @Test
    void transactWrite_twoActionsOnOneItem_isRefused() {
        orders.putItem(new Order("txtwo", "o-1", "open", 1));
        Order current = orders.getItem(key("txtwo", "o-1"));

        assertThatThrownBy(() -> enhanced.transactWriteItems(b -> b.addUpdateItem(orders, current)
                .addConditionCheck(orders, ConditionCheck.builder().key(key("txtwo", "o-1"))
                        .conditionExpression(Expression.builder().expression("attribute_exists(#c)")
                                .putExpressionName("#c", "customer").build()).build())))
                .isInstanceOfSatisfying(DynamoDbException.class,
                        e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException"))
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void transactGet_readsBothTablesInRequestOrder_withNullForAMissingItem() {
        orders.putItem(new Order("tg", "o-1", "open", 3));
        customers.putItem(Customer.of("tg", "Getter", null));

        var documents = enhanced.transactGetItems(b -> b.addGetItem(customers, id("tg"))
                .addGetItem(orders, key("tg", "missing"))
                .addGetItem(orders, key("tg", "o-1")));

        assertThat(documents).hasSize(3);
        assertThat(documents.get(0).getItem(customers)).isEqualTo(Customer.of("tg", "Getter", null));
        assertThat(documents.get(1).getItem(orders)).isNull();
        assertThat(documents.get(2).getItem(orders).getTotal()).isEqualTo(3);
    }
}
