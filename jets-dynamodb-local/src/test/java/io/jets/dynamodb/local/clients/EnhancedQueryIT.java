package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.keyEqualTo;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBeginsWith;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortBetween;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortGreaterThan;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortGreaterThanOrEqualTo;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortLessThan;
import static software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional.sortLessThanOrEqualTo;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.model.Page;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.ScanEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Query and Scan as the Enhanced Client builds them: every QueryConditional, filters, pages and indexes. */
class EnhancedQueryIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(local.dynamoDb()).build();
    private static final DynamoDbTable<Order> orders = enhanced.table("orders", EnhancedClientIT.ORDER);

    @BeforeAll
    static void fill() {
        EnhancedClientIT.createOrdersTable(orders);
        put("ann", "2024-01-05", "open", 30);
        put("ann", "2024-01-20", "shipped", 15);
        put("ann", "2024-02-03", "open", 99);
        put("ann", "2024-02-14", "open", 7);
        put("ann", "2024-03-01", "shipped", 42);
        for (int i = 1; i <= 4; i++) {
            put("four", "o-" + i, "paged", i);
        }
        put("bob", "2024-01-07", "open", 55);
    }

    private static void put(String customer, String order, String status, int total) {
        orders.putItem(new Order(customer, order, status, total));
    }

    private static List<String> orderIds(QueryConditional conditional) {
        return orders.query(conditional).items().stream().map(Order::getOrderId).toList();
    }

    private static Key key(String customer, String order) {
        return Key.builder().partitionValue(customer).sortValue(order).build();
    }

    @Test
    void eachQueryConditional_selectsTheSortKeyRangeInOrder() {
        assertThat(orderIds(keyEqualTo(k -> k.partitionValue("ann"))))
                .containsExactly("2024-01-05", "2024-01-20", "2024-02-03", "2024-02-14", "2024-03-01");
        assertThat(orderIds(keyEqualTo(key("ann", "2024-02-03")))).containsExactly("2024-02-03");
        assertThat(orderIds(sortBeginsWith(key("ann", "2024-02")))).containsExactly("2024-02-03", "2024-02-14");
        assertThat(orderIds(sortBetween(key("ann", "2024-01-20"), key("ann", "2024-02-14"))))
                .containsExactly("2024-01-20", "2024-02-03", "2024-02-14");
        assertThat(orderIds(sortGreaterThan(key("ann", "2024-02-03")))).containsExactly("2024-02-14", "2024-03-01");
        assertThat(orderIds(sortGreaterThanOrEqualTo(key("ann", "2024-02-03"))))
                .containsExactly("2024-02-03", "2024-02-14", "2024-03-01");
        assertThat(orderIds(sortLessThan(key("ann", "2024-01-20")))).containsExactly("2024-01-05");
        assertThat(orderIds(sortLessThanOrEqualTo(key("ann", "2024-01-20"))))
                .containsExactly("2024-01-05", "2024-01-20");
    }

    @Test
    void query_backwards_withAFilterAndAProjection() {
        var request = QueryEnhancedRequest.builder()
                .queryConditional(keyEqualTo(k -> k.partitionValue("ann")))
                .scanIndexForward(false)
                .filterExpression(Expression.builder().expression("#s = :open AND #t > :min")
                        .putExpressionName("#s", "status").putExpressionName("#t", "total")
                        .putExpressionValue(":open", AttributeValue.fromS("open"))
                        .putExpressionValue(":min", AttributeValue.fromN("10")).build())
                .attributesToProject("order", "total")
                .build();

        List<Order> found = orders.query(request).items().stream().toList();

        assertThat(found).extracting(Order::getOrderId).containsExactly("2024-02-03", "2024-01-05");
        assertThat(found).extracting(Order::getTotal).containsExactly(99, 30);
        assertThat(found).extracting(Order::getStatus).containsOnlyNulls();
    }

    @Test
    void pageIterable_withASmallLimit_pagesThroughEveryItem() {
        var request = QueryEnhancedRequest.builder().queryConditional(keyEqualTo(k -> k.partitionValue("ann")))
                .limit(2).build();

        List<Page<Order>> pages = orders.query(request).stream().toList();

        assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 2, 1);
        assertThat(pages.get(0).lastEvaluatedKey()).isEqualTo(Map.of("customer", AttributeValue.fromS("ann"),
                "order", AttributeValue.fromS("2024-01-20")));
        assertThat(pages.get(2).lastEvaluatedKey()).isNull();
    }

    @Test
    void pageIterable_whenTheLastPageIsFull_endsThere_withoutAnEmptyPage() {
        var request = QueryEnhancedRequest.builder().queryConditional(keyEqualTo(k -> k.partitionValue("four")))
                .limit(2).build();

        List<Page<Order>> pages = orders.query(request).stream().toList();

        // a Query page ending with the key condition's last item carries no LastEvaluatedKey in DynamoDB
        assertThat(pages).extracting(page -> page.items().size()).containsExactly(2, 2);
        assertThat(pages.get(1).lastEvaluatedKey()).isNull();
    }

    @Test
    void globalIndexQuery_ordersByTheIndexSortKey_andPages() {
        var index = orders.index(Order.BY_STATUS);
        var request = QueryEnhancedRequest.builder()
                .queryConditional(sortGreaterThan(k -> k.partitionValue("open").sortValue(20)))
                .limit(2).build();

        List<Page<Order>> pages = new ArrayList<>();
        index.query(request).forEach(pages::add);

        assertThat(pages.stream().flatMap(page -> page.items().stream()).map(Order::toString))
                .containsExactly("ann/2024-01-05", "bob/2024-01-07", "ann/2024-02-03");
        assertThat(pages.get(0).lastEvaluatedKey()).containsOnlyKeys("customer", "order", "status", "total");
    }

    @Test
    void localIndexQuery_ordersOnePartitionByTotal() {
        var index = orders.index(Order.BY_TOTAL);

        List<Integer> totals = index.query(QueryEnhancedRequest.builder()
                        .queryConditional(sortBetween(k -> k.partitionValue("ann").sortValue(10),
                                k -> k.partitionValue("ann").sortValue(50)))
                        .build())
                .stream().flatMap(page -> page.items().stream()).map(Order::getTotal).toList();

        assertThat(totals).containsExactly(15, 30, 42);
    }

    @Test
    void parallelScan_segmentsAreDisjointAndCoverTheTable() {
        Set<String> seen = new HashSet<>();
        int count = 0;
        for (int segment = 0; segment < 3; segment++) {
            var request = ScanEnhancedRequest.builder().segment(segment).totalSegments(3).limit(2).build();
            for (Order order : orders.scan(request).items()) {
                seen.add(order.toString());
                count++;
            }
        }

        assertThat(count).isEqualTo(10);
        assertThat(seen).hasSize(10).contains("ann/2024-01-05", "four/o-4", "bob/2024-01-07");
    }

    @Test
    void scan_withAFilter_countsScannedAndReturnedItems() {
        var request = ScanEnhancedRequest.builder()
                .filterExpression(Expression.builder().expression("#s = :s").putExpressionName("#s", "status")
                        .putExpressionValue(":s", AttributeValue.fromS("shipped")).build())
                .build();

        var pages = orders.scan(request).stream().toList();

        assertThat(pages).singleElement().satisfies(page -> {
            assertThat(page.items()).extracting(Order::getOrderId).containsExactlyInAnyOrder("2024-01-20",
                    "2024-03-01");
            assertThat(page.count()).isEqualTo(2);
            assertThat(page.scannedCount()).isEqualTo(10);
        });
    }
}
