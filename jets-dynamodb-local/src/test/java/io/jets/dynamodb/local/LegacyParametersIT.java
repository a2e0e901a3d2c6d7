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
import software.amazon.awssdk.services.dynamodb.model.AttributeAction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.AttributeValueUpdate;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.Condition;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;

/** The pre-expression parameters older SDKs and apps still send, wired through every operation that takes them. */
class LegacyParametersIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        Clients.createTable(client, "legacy", true, null);
        for (int i = 1; i <= 4; i++) {
            String sk = Integer.toString(i);
            client.putItem(b -> b.tableName("legacy").item(Map.of("id", s("p"), "sk", n(sk), "v", n(sk))));
        }
        Clients.createTable(client, "documents", true, null);
        client.putItem(b -> b.tableName("documents").item(Map.of("id", s("doc"), "sk", n("1"),
                "tags", AttributeValue.fromL(List.of(s("red"), s("blue"))),
                "owner", AttributeValue.fromM(Map.of("name", s("ada"))), "draft", AttributeValue.fromBool(true))));
        client.putItem(b -> b.tableName("documents").item(Map.of("id", s("doc"), "sk", n("2"),
                "tags", AttributeValue.fromL(List.of(s("red"))),
                "owner", AttributeValue.fromM(Map.of("name", s("bob"))), "draft", AttributeValue.fromBool(false))));
    }

    private static List<String> documentsWhere(String attribute, ComparisonOperator operator, AttributeValue value) {
        return client.query(b -> b.tableName("documents")
                .keyConditions(Map.of("id", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                        .attributeValueList(s("doc")).build()))
                .queryFilter(Map.of(attribute, Condition.builder().comparisonOperator(operator)
                        .attributeValueList(value).build()))).items().stream().map(item -> item.get("sk").n())
                .toList();
    }

    @Test
    void attributeUpdates_withExpected_updateTheItem() {
        client.updateItem(b -> b.tableName("legacy").key(Map.of("id", s("p"), "sk", n("1")))
                .attributeUpdates(Map.of("v", AttributeValueUpdate.builder().action(AttributeAction.ADD)
                        .value(n("10")).build()))
                .expected(Map.of("v", ExpectedAttributeValue.builder().value(n("1")).build())));

        assertThat(client.getItem(b -> b.tableName("legacy").key(Map.of("id", s("p"), "sk", n("1")))
                .attributesToGet("v")).item()).isEqualTo(Map.of("v", n("11")));
    }

    @Test
    void expected_thatFails_isConditionalCheckFailed() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("legacy").item(Map.of("id", s("p"), "sk", n("2")))
                .expected(Map.of("v", ExpectedAttributeValue.builder().value(n("99")).build()))))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void keyConditions_andQueryFilter_selectItems() {
        var items = client.query(b -> b.tableName("legacy")
                .keyConditions(Map.of("id", Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                                .attributeValueList(s("p")).build(),
                        "sk", Condition.builder().comparisonOperator(ComparisonOperator.GE)
                                .attributeValueList(n("2")).build()))
                .queryFilter(Map.of("v", Condition.builder().comparisonOperator(ComparisonOperator.LT)
                        .attributeValueList(n("4")).build()))).items();

        assertThat(items).extracting(item -> item.get("sk").n()).containsExactly("2", "3");
    }

    @Test
    void scanFilter_selectsItems() {
        var items = client.scan(b -> b.tableName("legacy").scanFilter(Map.of("v", Condition.builder()
                .comparisonOperator(ComparisonOperator.EQ).attributeValueList(n("4")).build()))).items();

        assertThat(items).extracting(item -> item.get("sk").n()).containsExactly("4");
    }

    @Test
    void mixingExpressionAndLegacyParameters_isValidationError() {
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("legacy").key(Map.of("id", s("p"), "sk", n("1")))
                .attributesToGet("v").projectionExpression("v")))
                .hasMessageContaining("Can not use both expression and non-expression parameters in the same"
                        + " request");
    }

    @Test
    void queryFilter_equalityOnListMapAndBoolean_comparesWholeValues() {
        assertThat(documentsWhere("tags", ComparisonOperator.EQ, AttributeValue.fromL(List.of(s("red")))))
                .containsExactly("2");
        assertThat(documentsWhere("owner", ComparisonOperator.EQ, AttributeValue.fromM(Map.of("name", s("ada")))))
                .containsExactly("1");
        assertThat(documentsWhere("draft", ComparisonOperator.NE, AttributeValue.fromBool(true)))
                .containsExactly("2");
    }

    @Test
    void queryFilter_onPartitionOrSortKey_isValidationError() {
        Condition equalsP = Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(s("p")).build();
        Condition equalsOne = Condition.builder().comparisonOperator(ComparisonOperator.EQ)
                .attributeValueList(n("1")).build();

        assertThatThrownBy(() -> client.query(b -> b.tableName("legacy").keyConditions(Map.of("id", equalsP))
                .queryFilter(Map.of("id", equalsP))))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("QueryFilter can only contain non-primary key attributes: Primary key attribute: id");
        assertThatThrownBy(() -> client.query(b -> b.tableName("legacy").keyConditions(Map.of("id", equalsP))
                .queryFilter(Map.of("sk", equalsOne, "v", equalsOne))))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("QueryFilter can only contain non-primary key attributes: Primary key attribute: sk");
    }
    @Test
    void conditionalOperator_withAFilterOfFewerThanTwoConditions_isValidationError() {
        Condition belowFour = Condition.builder().comparisonOperator(ComparisonOperator.LT)
                .attributeValueList(n("4")).build();

        assertThatThrownBy(() -> client.scan(b -> b.tableName("legacy").scanFilter(Map.of("v", belowFour))
                .conditionalOperator("OR")))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("ConditionalOperator can only be used when Filter or Expected has two or more elements");
        assertThatThrownBy(() -> client.scan(b -> b.tableName("legacy").conditionalOperator("AND")))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("ConditionalOperator cannot be used without Filter or Expected");
        var items = client.scan(b -> b.tableName("legacy").conditionalOperator("OR")
                .scanFilter(Map.of("v", belowFour, "sk", Condition.builder()
                        .comparisonOperator(ComparisonOperator.EQ).attributeValueList(n("4")).build()))).items();
        assertThat(items).hasSize(4);
    }
}
