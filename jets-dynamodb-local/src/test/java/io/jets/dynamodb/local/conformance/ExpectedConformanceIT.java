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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ComparisonOperator;
import software.amazon.awssdk.services.dynamodb.model.ConditionalOperator;
import software.amazon.awssdk.services.dynamodb.model.ExpectedAttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The legacy {@code Expected} parameter as DynamoDB validates it: the value types each ComparisonOperator
 * accepts, and ConditionalOperator only with two or more conditions.
 */
class ExpectedConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("accounts").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("account", ScalarAttributeType.S)).keySchema(hash("account")));
        client.putItem(b -> b.tableName("accounts").item(item("account", s("acme"), "plan", s("gold"),
                "seats", n("12"))));
    }

    private static ExpectedAttributeValue compare(ComparisonOperator operator, AttributeValue... values) {
        return ExpectedAttributeValue.builder().comparisonOperator(operator).attributeValueList(values).build();
    }

    @Test
    void expected_operatorGivenAValueTypeItCannotCompare_isValidationError() {
        assertValidation(() -> client.putItem(b -> b.tableName("accounts").item(item("account", s("acme")))
                        .expected(Map.of("plan", compare(ComparisonOperator.BEGINS_WITH, n("1"))))),
                ENVELOPE + "One or more parameter values were invalid: ComparisonOperator BEGINS_WITH is not "
                        + "valid for N "
                        + "AttributeValue type");
        assertValidation(() -> client.deleteItem(b -> b.tableName("accounts").key(item("account", s("acme")))
                        .expected(Map.of("plan", compare(ComparisonOperator.CONTAINS,
                                AttributeValue.fromL(List.of(s("gold"))))))),
                ENVELOPE + "One or more parameter values were invalid: ComparisonOperator CONTAINS is not valid for L "
                        + "AttributeValue type");
        assertValidation(() -> client.deleteItem(b -> b.tableName("accounts").key(item("account", s("acme")))
                        .expected(Map.of("seats", compare(ComparisonOperator.BETWEEN,
                                AttributeValue.fromNs(List.of("1")), AttributeValue.fromNs(List.of("20")))))),
                ENVELOPE + "One or more parameter values were invalid: ComparisonOperator BETWEEN is not valid for NS "
                        + "AttributeValue type");
        assertThat(client.getItem(b -> b.tableName("accounts").key(item("account", s("acme")))).item())
                .containsEntry("plan", s("gold"));
    }

    @Test
    void expected_equalityWithAList_isEvaluated() {
        client.putItem(b -> b.tableName("accounts").item(item("account", s("list"),
                "owners", AttributeValue.fromL(List.of(s("ann"), s("bob"))))));

        client.deleteItem(b -> b.tableName("accounts").key(item("account", s("list")))
                .expected(Map.of("owners", compare(ComparisonOperator.EQ,
                        AttributeValue.fromL(List.of(s("ann"), s("bob")))))));

        assertThat(client.getItem(b -> b.tableName("accounts").key(item("account", s("list")))).hasItem())
                .isFalse();
    }

    @Test
    void conditionalOperator_withFewerThanTwoConditions_isValidationError() {
        assertValidation(() -> client.putItem(b -> b.tableName("accounts").item(item("account", s("solo")))
                        .conditionalOperator(ConditionalOperator.OR)),
                ENVELOPE + "ConditionalOperator cannot be used without Filter or Expected");
        assertValidation(() -> client.updateItem(b -> b.tableName("accounts").key(item("account", s("solo")))
                        .expected(Map.of()).conditionalOperator(ConditionalOperator.AND)),
                ENVELOPE + "ConditionalOperator cannot be used without Filter or Expected");
        assertValidation(() -> client.deleteItem(b -> b.tableName("accounts").key(item("account", s("acme")))
                        .expected(Map.of("plan", ExpectedAttributeValue.builder().value(s("gold")).build()))
                        .conditionalOperator(ConditionalOperator.OR)),
                ENVELOPE + "ConditionalOperator can only be used when Filter or Expected has two or more elements");
    }
}
