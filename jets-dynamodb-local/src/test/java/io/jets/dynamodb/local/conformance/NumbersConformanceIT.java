package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.ENVELOPE;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB's number limits (38 digits, magnitudes 1E-130 to 1E+126) on keys and on arithmetic results. */
class NumbersConformanceIT {

    private static final String OVERFLOW =
            "Number overflow. Attempting to store a number with magnitude larger than supported range";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("readings").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sensor", ScalarAttributeType.S),
                        attribute("at", ScalarAttributeType.N))
                .keySchema(hash("sensor"), range("at")));
    }

    @Test
    void numberKey_isHeldToTheLimitsOfAnyNumber() {
        client.putItem(b -> b.tableName("readings").item(item("sensor", s("t1"), "at", n("-9.99999999E+125"))));
        assertThat(client.getItem(b -> b.tableName("readings")
                .key(item("sensor", s("t1"), "at", n("-9.99999999E+125")))).hasItem()).isTrue();

        assertValidation(() -> client.getItem(b -> b.tableName("readings")
                .key(item("sensor", s("t1"), "at", n("1E+126")))), OVERFLOW);
        assertValidation(() -> client.deleteItem(b -> b.tableName("readings")
                        .key(item("sensor", s("t1"), "at", n("1E-131")))),
                ENVELOPE + "Number underflow. Attempting to store a number with magnitude smaller than "
                        + "supported range");
        assertValidation(() -> client.updateItem(b -> b.tableName("readings")
                        .key(item("sensor", s("t1"), "at", n("12345678901234567890123456789012345678.9")))),
                ENVELOPE + "Attempting to store more than 38 significant digits in a Number");
    }

    @Test
    void numberKey_thatIsNotANumber_isValidationError() {
        assertValidation(() -> client.getItem(b -> b.tableName("readings")
                        .key(item("sensor", s("t1"), "at", n("noon")))),
                "The parameter cannot be converted to a numeric value: noon");
    }

    @Test
    void arithmeticResultNeedingMoreThan38Digits_isReportedAsOverflow() {
        assertValidation(() -> client.updateItem(b -> b.tableName("readings")
                        .key(item("sensor", s("t2"), "at", n("1")))
                        .updateExpression("SET reading = :big - :one")
                        .expressionAttributeValues(Map.of(":big", n("1E+50"), ":one", n("1")))),
                OVERFLOW);
        client.putItem(b -> b.tableName("readings").item(item("sensor", s("t2"), "at", n("1"), "reading", n("1E+50"))));
        assertValidation(() -> client.updateItem(b -> b.tableName("readings")
                        .key(item("sensor", s("t2"), "at", n("1")))
                        .updateExpression("ADD reading :one")
                        .expressionAttributeValues(Map.of(":one", n("1")))), OVERFLOW);
    }
}
