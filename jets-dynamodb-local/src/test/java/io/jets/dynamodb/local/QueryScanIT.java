package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

class QueryScanIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        Clients.createTable(client, "numbers", true, null);
        for (String sk : List.of("-10", "-1.5", "0", "2", "10", "100", "1e3")) {
            client.putItem(b -> b.tableName("numbers").item(Map.of("id", s("p"), "sk", n(sk), "even",
                    AttributeValue.fromBool(sk.equals("2") || sk.equals("10") || sk.equals("100")))));
        }
        client.putItem(b -> b.tableName("numbers").item(Map.of("id", s("other"), "sk", n("1"))));
        Clients.createTable(client, "strings", false, null);
        for (int i = 0; i < 50; i++) {
            String id = "item-" + i;
            client.putItem(b -> b.tableName("strings").item(Map.of("id", s(id))));
        }
    }

    private static List<String> sortKeys(QueryResponse response) {
        return response.items().stream().map(item -> item.get("sk").n()).toList();
    }

    @Test
    void query_ordersSortKeysNumerically() {
        var response = client.query(b -> b.tableName("numbers").keyConditionExpression("id = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))));

        assertThat(sortKeys(response)).containsExactly("-10", "-1.5", "0", "2", "10", "100", "1000");
        assertThat(response.count()).isEqualTo(7);
    }

    @Test
    void query_backwards_withRangeCondition() {
        var response = client.query(b -> b.tableName("numbers")
                .keyConditionExpression("id = :p AND sk BETWEEN :lo AND :hi")
                .expressionAttributeValues(Map.of(":p", s("p"), ":lo", n("-1.5"), ":hi", n("10")))
                .scanIndexForward(false));

        assertThat(sortKeys(response)).containsExactly("10", "2", "0", "-1.5");
    }

    @Test
    void query_greaterThan_excludesBound() {
        var response = client.query(b -> b.tableName("numbers").keyConditionExpression("id = :p AND sk > :v")
                .expressionAttributeValues(Map.of(":p", s("p"), ":v", n("10"))));

        assertThat(sortKeys(response)).containsExactly("100", "1000");
    }

    @Test
    void query_withLimit_pagesThroughLastEvaluatedKey() {
        List<String> seen = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        int pages = 0;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = client.query(b -> b.tableName("numbers").keyConditionExpression("id = :p")
                    .expressionAttributeValues(Map.of(":p", s("p"))).limit(3).exclusiveStartKey(from));
            seen.addAll(sortKeys(page));
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
            pages++;
        } while (start != null);

        assertThat(seen).containsExactly("-10", "-1.5", "0", "2", "10", "100", "1000");
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void query_filterCountsScannedAndMatched() {
        var response = client.query(b -> b.tableName("numbers").keyConditionExpression("id = :p")
                .filterExpression("even = :t")
                .expressionAttributeValues(Map.of(":p", s("p"), ":t", AttributeValue.fromBool(true))));

        assertThat(sortKeys(response)).containsExactly("2", "10", "100");
        assertThat(response.scannedCount()).isEqualTo(7);
    }

    @Test
    void query_selectCount_returnsNoItems() {
        var response = client.query(b -> b.tableName("numbers").keyConditionExpression("id = :p")
                .expressionAttributeValues(Map.of(":p", s("p"))).select(Select.COUNT));

        assertThat(response.count()).isEqualTo(7);
        assertThat(response.hasItems()).isFalse();
    }

    @Test
    void query_withoutKeyCondition_isValidationError() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("numbers")))
                .hasMessageStartingWith("Either the KeyConditions or KeyConditionExpression parameter must be"
                        + " specified in the request.");
    }

    @Test
    void query_valueOfWrongKeyType_isValidationError() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("numbers").keyConditionExpression("id = :p AND sk > :v")
                .expressionAttributeValues(Map.of(":p", s("p"), ":v", s("10")))))
                .hasMessageStartingWith("One or more parameter values were invalid: Condition parameter type does not"
                        + " match schema type");
    }

    @Test
    void query_onNonKeyAttribute_missesKeySchemaElement() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("numbers").keyConditionExpression("even = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromBool(true)))))
                .hasMessageStartingWith("Query condition missed key schema element: id");
    }

    @Test
    void query_filterOnKeyAttribute_isValidationError() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("numbers").keyConditionExpression("id = :p")
                .filterExpression("sk > :v").expressionAttributeValues(Map.of(":p", s("p"), ":v", n("1")))))
                .hasMessageStartingWith("Filter Expression can only contain non-primary key attributes: Primary key"
                        + " attribute: sk");
    }

    @Test
    void scan_pagesThroughEveryItemOnce() {
        Set<String> seen = new HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            ScanResponse page = client.scan(b -> b.tableName("strings").limit(7).exclusiveStartKey(from));
            page.items().forEach(item -> assertThat(seen.add(item.get("id").s())).isTrue());
            start = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (start != null);

        assertThat(seen).hasSize(50);
    }

    @Test
    void scan_parallelSegments_partitionTheTable() {
        Set<String> seen = new HashSet<>();
        int total = 0;
        for (int segment = 0; segment < 4; segment++) {
            int current = segment;
            List<Map<String, AttributeValue>> items = client.scan(b -> b.tableName("strings").segment(current)
                    .totalSegments(4)).items();
            total += items.size();
            items.forEach(item -> seen.add(item.get("id").s()));
        }

        assertThat(total).isEqualTo(50);
        assertThat(seen).hasSize(50);
    }

    @Test
    void scan_segmentWithoutTotal_isValidationError() {
        assertThatThrownBy(() -> client.scan(b -> b.tableName("strings").segment(1)))
                .hasMessageStartingWith("The TotalSegments parameter is required but was not present in the"
                        + " request when Segment parameter is present");
    }

    @Test
    void scan_parallelSegment_refusesAStartKeyOfAnotherSegment() {
        ScanResponse first = client.scan(b -> b.tableName("strings").segment(0).totalSegments(4).limit(1));
        Map<String, AttributeValue> start = first.lastEvaluatedKey();

        ScanResponse rest = client.scan(b -> b.tableName("strings").segment(0).totalSegments(4)
                .exclusiveStartKey(start));
        assertThat(rest.items()).doesNotContain(first.items().get(0));
        assertThatThrownBy(() -> client.scan(b -> b.tableName("strings").segment(1).totalSegments(4)
                .exclusiveStartKey(start)))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("The provided starting key is invalid: Invalid ExclusiveStartKey. Please use"
                        + " ExclusiveStartKey with correct Segment. TotalSegments: 4 Segment: 1");
    }

    @Test
    void scan_largeItems_stopsPagesAtOneMegabyte() {
        Clients.createTable(client, "large", false, null);
        String payload = "x".repeat(300 * 1024);
        for (int i = 0; i < 5; i++) {
            String id = "big-" + i;
            client.putItem(b -> b.tableName("large").item(Map.of("id", s(id), "v", s(payload))));
        }

        ScanResponse first = client.scan(b -> b.tableName("large"));

        assertThat(first.count()).isEqualTo(4);
        assertThat(first.hasLastEvaluatedKey()).isTrue();
        ScanResponse rest = client.scan(b -> b.tableName("large").exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(rest.count()).isEqualTo(1);
        assertThat(rest.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void scan_limitZero_isReportedWithTheOtherConstraintFailures_beforeTheTableIsLookedUp() {
        assertThatThrownBy(() -> client.scan(b -> b.tableName("no-such-scan").limit(0).segment(-1).totalSegments(0)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("3 validation errors detected: Value '0' at 'totalSegments' failed to satisfy"
                                + " constraint: Member must have value greater than or equal to 1; Value '-1' at"
                                + " 'segment' failed to satisfy constraint: Member must have value greater than or"
                                + " equal to 0; Value '0' at 'limit' failed to satisfy constraint: Member must have"
                                + " value greater than or equal to 1"))
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"));
        assertThatThrownBy(() -> client.scan(b -> b.tableName("ab").limit(0)))
                .isInstanceOfSatisfying(DynamoDbException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("2 validation errors detected: Value 'ab' at 'tableName' failed to satisfy"
                                + " constraint: Member must have length greater than or equal to 3; Value '0' at"
                                + " 'limit' failed to satisfy constraint: Member must have value greater than or"
                                + " equal to 1"));
    }
}
