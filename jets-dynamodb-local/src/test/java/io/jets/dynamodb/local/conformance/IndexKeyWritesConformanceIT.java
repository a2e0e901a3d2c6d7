package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A write that gives a secondary index key a value it cannot hold: an update expression is refused in its own
 * words, and a transaction reports a wrongly typed index key as that action's ValidationError.
 */
class IndexKeyWritesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static final String UPDATE_FORM = "One or more parameter values are not valid. The update expression"
            + " attempted to update a secondary index key to a value that is not supported. The AttributeValue for a"
            + " key attribute cannot contain an empty ";

    @BeforeAll
    static void createTables() {
        Projection all = Projection.builder().projectionType(ProjectionType.ALL).build();
        client.createTable(b -> b.tableName("shipments").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("depot", ScalarAttributeType.S),
                        attribute("seal", ScalarAttributeType.B))
                .keySchema(hash("id"))
                .globalSecondaryIndexes(
                        GlobalSecondaryIndex.builder().indexName("by-depot").keySchema(hash("depot")).projection(all)
                                .build(),
                        GlobalSecondaryIndex.builder().indexName("by-seal").keySchema(hash("seal")).projection(all)
                                .build()));
    }

    private static AttributeValue emptyBinary() {
        return AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0]));
    }

    private static TransactWriteItem setAttribute(String id, String attribute, AttributeValue value) {
        return TransactWriteItem.builder().update(u -> u.tableName("shipments").key(item("id", s(id)))
                .updateExpression("SET #a = :v").expressionAttributeNames(Map.of("#a", attribute))
                .expressionAttributeValues(item(":v", value))).build();
    }

    @Test
    void updateItem_settingAnIndexKeyEmpty_isRefusedInTheUpdatesWords_whetherOrNotTheItemExists() {
        client.putItem(b -> b.tableName("shipments").item(item("id", s("existing"), "depot", s("leeds"))));

        assertValidation(() -> client.updateItem(b -> b.tableName("shipments").key(item("id", s("existing")))
                        .updateExpression("SET depot = :v").expressionAttributeValues(item(":v", s("")))),
                UPDATE_FORM + "string value.");
        assertValidation(() -> client.updateItem(b -> b.tableName("shipments").key(item("id", s("fresh")))
                        .updateExpression("SET seal = :v").expressionAttributeValues(item(":v", emptyBinary()))),
                UPDATE_FORM + "binary value.");
        assertThat(client.getItem(b -> b.tableName("shipments").key(item("id", s("existing")))).item().get("depot"))
                .isEqualTo(s("leeds"));
        assertThat(client.getItem(b -> b.tableName("shipments").key(item("id", s("fresh")))).hasItem()).isFalse();
    }

    @Test
    void putItem_withAnEmptyIndexKey_stillNamesTheIndexAndTheKey() {
        assertValidation(() -> client.putItem(b -> b.tableName("shipments")
                        .item(item("id", s("put"), "seal", emptyBinary()))),
                "One or more parameter values are not valid. A value specified for a secondary index key is not"
                        + " supported. The AttributeValue for a key attribute cannot contain an empty binary value."
                        + " IndexName: by-seal, IndexKey: seal");
    }

    @Test
    void transactUpdate_settingAnIndexKeyEmpty_refusesTheRequestInTheUpdatesWords() {
        assertValidation(() -> client.transactWriteItems(b -> b.transactItems(setAttribute("in-tx", "depot", s("")))),
                UPDATE_FORM + "string value.");
    }

    @Test
    void transactPut_withAWronglyTypedIndexKey_cancelsWithAValidationErrorReason() {
        TransactWriteItem wrongDepot = TransactWriteItem.builder().put(p -> p.tableName("shipments")
                .item(item("id", s("typed"), "depot", n("7")))).build();
        TransactWriteItem fine = TransactWriteItem.builder().put(p -> p.tableName("shipments")
                .item(item("id", s("untouched")))).build();

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(fine, wrongDepot)))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific"
                        + " reasons [None, ValidationError]")
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons())
                        .extracting(CancellationReason::code, CancellationReason::message)
                        .containsExactly(tuple("None", null), tuple("ValidationError", "One or more parameter values"
                                + " were invalid: Type mismatch for Index Key depot Expected: S Actual: N"
                                + " IndexName: by-depot")));
        assertThat(client.getItem(b -> b.tableName("shipments").key(item("id", s("untouched")))).hasItem()).isFalse();
    }

    @Test
    void transactUpdate_givingAnIndexKeyTheWrongType_cancelsWithAValidationErrorReason() {
        client.putItem(b -> b.tableName("shipments").item(item("id", s("retyped"), "depot", s("york"))));

        assertThatThrownBy(() -> client.transactWriteItems(b -> b.transactItems(
                setAttribute("retyped", "depot", AttributeValue.fromL(java.util.List.of(s("york")))))))
                .isInstanceOf(TransactionCanceledException.class)
                .satisfies(e -> assertThat(((TransactionCanceledException) e).cancellationReasons())
                        .extracting(CancellationReason::code, CancellationReason::message)
                        .containsExactly(tuple("ValidationError", "One or more parameter values were invalid: Type"
                                + " mismatch for Index Key depot Expected: S Actual: L IndexName: by-depot")));
        assertThat(client.getItem(b -> b.tableName("shipments").key(item("id", s("retyped")))).item().get("depot"))
                .isEqualTo(s("york"));
    }
}
