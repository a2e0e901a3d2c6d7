package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * BatchGetItem returns at most 16 MB of items and hands the keys it did not read back in UnprocessedKeys, with
 * the rest of each table's request, so that the caller can simply send UnprocessedKeys again.
 */
class BatchGetResponseLimitConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static final int SCANS = 60;

    @BeforeAll
    static void createTables() {
        for (String name : List.of("scans", "labels")) {
            client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        }
        String page = "x".repeat(300_000);
        for (int i = 0; i < SCANS; i++) {
            String id = "scan-" + i;
            client.putItem(b -> b.tableName("scans").item(item("id", s(id), "page", s(page))));
        }
        client.putItem(b -> b.tableName("labels").item(item("id", s("red"), "hex", s("#f00"))));
    }

    private static List<Map<String, AttributeValue>> scanKeys(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> item("id", s("scan-" + i))).toList();
    }

    @Test
    void batchGetItem_beyond16MegabytesOfItems_returnsTheRestInUnprocessedKeys_withTheirReadOptions() {
        Map<String, KeysAndAttributes> request = new LinkedHashMap<>();
        request.put("scans", KeysAndAttributes.builder().keys(scanKeys(0, SCANS)).consistentRead(true)
                .projectionExpression("id").build());
        request.put("labels", KeysAndAttributes.builder().keys(item("id", s("red"))).build());

        BatchGetItemResponse first = client.batchGetItem(b -> b.requestItems(request));

        // 16 MiB holds 55 items of 300,011 bytes; the sizes are what is read, not what the projection returns
        assertThat(first.responses().get("scans")).hasSize(55);
        assertThat(first.unprocessedKeys()).containsOnlyKeys("scans", "labels");
        KeysAndAttributes scansLeft = first.unprocessedKeys().get("scans");
        assertThat(scansLeft.keys()).isEqualTo(scanKeys(55, SCANS));
        assertThat(scansLeft.consistentRead()).isTrue();
        assertThat(scansLeft.projectionExpression()).isEqualTo("id");
        assertThat(first.unprocessedKeys().get("labels")).isEqualTo(request.get("labels"));

        BatchGetItemResponse second = client.batchGetItem(b -> b.requestItems(first.unprocessedKeys()));

        assertThat(second.unprocessedKeys()).isEmpty();
        assertThat(second.responses().get("scans")).containsExactlyInAnyOrderElementsOf(scanKeys(55, SCANS));
        assertThat(second.responses().get("labels")).containsExactly(item("id", s("red"), "hex", s("#f00")));
    }
}
