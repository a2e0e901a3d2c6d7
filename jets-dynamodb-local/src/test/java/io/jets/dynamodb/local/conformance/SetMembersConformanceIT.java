package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB returns a set's members in its own order, not in the order they were written or added: strings and
 * binary by their bytes, numbers by value.
 */
class SetMembersConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("labels").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
    }

    private static Map<String, AttributeValue> read(String id) {
        return client.getItem(b -> b.tableName("labels").key(item("id", s(id))).consistentRead(true)).item();
    }

    @Test
    void putItem_setsComeBackInDynamoDbsOrder() {
        client.putItem(b -> b.tableName("labels").item(item("id", s("written"),
                "tags", AttributeValue.fromSs(List.of("pear", "Apple", "fig", "")),
                "sizes", AttributeValue.fromNs(List.of("10", "-2.5", "3")),
                "blobs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {(byte) 0xff}),
                        SdkBytes.fromByteArray(new byte[] {1}))))));

        Map<String, AttributeValue> stored = read("written");
        assertThat(stored.get("tags").ss()).containsExactly("", "Apple", "fig", "pear");
        assertThat(stored.get("sizes").ns()).containsExactly("-2.5", "3", "10");
        assertThat(stored.get("blobs").bs()).extracting(SdkBytes::asByteArray)
                .containsExactly(new byte[] {1}, new byte[] {(byte) 0xff});
    }

    @Test
    void addToASet_placesTheNewMembersInOrder() {
        client.putItem(b -> b.tableName("labels").item(item("id", s("added"),
                "tags", AttributeValue.fromSs(List.of("m")))));

        client.updateItem(b -> b.tableName("labels").key(item("id", s("added"))).updateExpression("ADD tags :more")
                .expressionAttributeValues(Map.of(":more", AttributeValue.fromSs(List.of("z", "", "a")))));

        assertThat(read("added").get("tags").ss()).containsExactly("", "a", "m", "z");
    }
}
