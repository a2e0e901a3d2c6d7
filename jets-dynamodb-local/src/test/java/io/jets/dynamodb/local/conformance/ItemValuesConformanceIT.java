package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.ValidationErrors.ENVELOPE;
import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Values as DynamoDB stores and returns them: numbers normalized, binary round trips, empty strings and binary
 * allowed outside keys, {@code {"NULL": false}} refused, and the size limits of key values.
 */
class ItemValuesConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("values").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
    }

    @Test
    void nullFalse_isRefused_andNothingIsWritten() {
        ValidationErrors.assertValidation(() -> client.putItem(b -> b.tableName("values").item(item("id", s("null"),
                        "gone", AttributeValue.builder().nul(false).build()))),
                ENVELOPE + "One or more parameter values were invalid: Null attribute value types must have the "
                        + "value of true");

        assertThat(client.getItem(b -> b.tableName("values").key(item("id", s("null")))).hasItem()).isFalse();
    }

    @Test
    void numbers_areReturnedWithoutExponentOrTrailingZeros() {
        client.putItem(b -> b.tableName("values").item(item("id", s("numbers"), "a", n("0001.500"), "b", n("1E+3"),
                "c", n("-0.00100"), "d", n("-0"), "set", AttributeValue.fromNs(List.of("10.0", "2e1")))));

        var stored = client.getItem(b -> b.tableName("values").key(item("id", s("numbers")))).item();

        assertThat(stored.get("a").n()).isEqualTo("1.5");
        assertThat(stored.get("b").n()).isEqualTo("1000");
        assertThat(stored.get("c").n()).isEqualTo("-0.001");
        assertThat(stored.get("d").n()).isEqualTo("0");
        assertThat(stored.get("set").ns()).containsExactlyInAnyOrder("10", "20");
    }

    @Test
    void binary_roundTripsEveryByte_andEmptyValuesAreAllowedOutsideKeys() {
        byte[] bytes = new byte[256];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        client.putItem(b -> b.tableName("values").item(item("id", s("binary"),
                "all", AttributeValue.fromB(SdkBytes.fromByteArray(bytes)),
                "none", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[0])),
                "empty", s(""))));

        var stored = client.getItem(b -> b.tableName("values").key(item("id", s("binary")))).item();

        assertThat(stored.get("all").b().asByteArray()).isEqualTo(bytes);
        assertThat(stored.get("none").b().asByteArray()).isEmpty();
        assertThat(stored.get("empty").s()).isEmpty();
    }

    @Test
    void partitionKeyOver2048Bytes_isRefused_withDynamoDbsMessage() {
        assertThatThrownBy(() -> client.putItem(b -> b.tableName("values").item(item("id", s("k".repeat(2049))))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("One or more parameter values were invalid: Size of hashkey has exceeded the"
                                + " maximum size limit of2048 bytes"));
        assertThatThrownBy(() -> client.getItem(b -> b.tableName("values").key(item("id", s("é".repeat(1025))))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("One or more parameter values were invalid: Size of hashkey has exceeded");
        client.putItem(b -> b.tableName("values").item(item("id", s("k".repeat(2048)))));
    }

    @Test
    void sortKeyOver1024Bytes_isRefused_withDynamoDbsMessage() {
        client.createTable(b -> b.tableName("sorted").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S), attribute("sk", ScalarAttributeType.B))
                .keySchema(hash("id"), Attributes.range("sk")));

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("sorted").item(item("id", s("a"),
                "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[1025]))))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("One or more parameter values were invalid: Aggregated size of all range keys has"
                                + " exceeded the size limit of 1024 bytes"));
        client.putItem(b -> b.tableName("sorted").item(item("id", s("a"),
                "sk", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[1024])))));
    }

    @Test
    void anItemOfExactly400Kilobytes_isStored_andOneByteMoreIsRefused() {
        // names count: "id" + "big" + "d" + the value
        String fits = "x".repeat(400 * 1024 - 6);
        client.putItem(b -> b.tableName("values").item(item("id", s("big"), "d", s(fits))));

        assertThatThrownBy(() -> client.putItem(b -> b.tableName("values").item(item("id", s("big"),
                "d", s(fits + "x")))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Item size has exceeded the maximum allowed size"));
        assertThat(client.getItem(b -> b.tableName("values").key(item("id", s("big")))).item().get("d").s())
                .hasSize(fits.length());
    }

    @Test
    void updatedNew_ofANestedPath_returnsOnlyThatPath() {
        client.putItem(b -> b.tableName("values").item(item("id", s("nested"),
                "m", AttributeValue.fromM(Map.of("x", s("old"), "y", s("kept"))))));

        var attributes = client.updateItem(b -> b.tableName("values").key(item("id", s("nested")))
                .updateExpression("SET m.x = :v").expressionAttributeValues(Map.of(":v", s("new")))
                .returnValues(ReturnValue.UPDATED_NEW)).attributes();

        assertThat(attributes).isEqualTo(Map.of("m", AttributeValue.fromM(Map.of("x", s("new")))));
    }

    @Test
    void documentsNestedUpTo32Levels_areStored_andDeeperOnesAreRefused() {
        client.putItem(b -> b.tableName("values").item(item("id", s("deep"), "doc", nestedMaps(31))));
        assertThat(client.getItem(b -> b.tableName("values").key(item("id", s("deep")))).item().get("doc"))
                .isEqualTo(nestedMaps(31));

        String tooDeep = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels"
                + " beyond supported limit";
        ValidationErrors.assertValidation(() -> client.putItem(b -> b.tableName("values")
                .item(item("id", s("deeper"), "doc", nestedMaps(32)))), ENVELOPE + tooDeep);
        ValidationErrors.assertValidation(() -> client.updateItem(b -> b.tableName("values")
                .key(item("id", s("deep"))).updateExpression("SET doc = :doc")
                .expressionAttributeValues(Map.of(":doc", AttributeValue.fromL(List.of(nestedMaps(31)))))),
                        ENVELOPE + tooDeep);
    }

    /** {@code levels} maps, each the only member of the one around it, the innermost holding a number. */
    private static AttributeValue nestedMaps(int levels) {
        AttributeValue value = n("1");
        for (int i = 0; i < levels; i++) {
            value = AttributeValue.fromM(Map.of("in", value));
        }
        return value;
    }
}
