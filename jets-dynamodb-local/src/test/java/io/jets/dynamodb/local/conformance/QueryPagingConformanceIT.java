package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Select;

/** Query paging: Limit counts evaluated items before the filter, and a start key must lie inside the query. */
class QueryPagingConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("events").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("device", ScalarAttributeType.S), attribute("at", ScalarAttributeType.N))
                .keySchema(hash("device"), range("at")));
        for (int i = 1; i <= 6; i++) {
            String at = Integer.toString(i);
            client.putItem(b -> b.tableName("events").item(item("device", s("d1"), "at", n(at),
                    "level", s(Integer.parseInt(at) % 2 == 0 ? "warn" : "info"))));
        }
        client.putItem(b -> b.tableName("events").item(item("device", s("d2"), "at", n("1"))));
    }

    @Test
    void limit_countsItemsBeforeTheFilter_andAnEmptyPageStillCarriesLastEvaluatedKey() {
        var response = client.query(b -> b.tableName("events").keyConditionExpression("device = :d")
                .filterExpression("#l = :l").expressionAttributeNames(Map.of("#l", "level"))
                .expressionAttributeValues(Map.of(":d", s("d1"), ":l", s("error"))).limit(2));

        assertThat(response.items()).isEmpty();
        assertThat(response.count()).isZero();
        assertThat(response.scannedCount()).isEqualTo(2);
        assertThat(response.lastEvaluatedKey()).isEqualTo(item("device", s("d1"), "at", n("2")));
    }

    @Test
    void limitOfOne_overSixItems_takesSixPages_theLastWithoutLastEvaluatedKey() {
        // Alternator's test_query_filter.py, run against DynamoDB: Limit=1 over 20 items gives 20 pages, not 21
        int pages = 0;
        int items = 0;
        Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> from = null;
        do {
            var start = from;
            var page = client.query(b -> b.tableName("events").keyConditionExpression("device = :d")
                    .expressionAttributeValues(Map.of(":d", s("d1"))).limit(1).exclusiveStartKey(start));
            pages++;
            items += page.count();
            from = page.hasLastEvaluatedKey() ? page.lastEvaluatedKey() : null;
        } while (from != null && pages < 10);

        assertThat(items).isEqualTo(6);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void pageEndingBeforeTheLastItemOfTheCondition_carriesLastEvaluatedKey() {
        var response = client.query(b -> b.tableName("events").keyConditionExpression("device = :d AND #at < :at")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":d", s("d1"), ":at", n("4"))).limit(2));
        var last = client.query(b -> b.tableName("events").keyConditionExpression("device = :d AND #at < :at")
                .expressionAttributeNames(Map.of("#at", "at"))
                .expressionAttributeValues(Map.of(":d", s("d1"), ":at", n("4"))).limit(1)
                .exclusiveStartKey(item("device", s("d1"), "at", n("2"))));

        assertThat(response.lastEvaluatedKey()).isEqualTo(item("device", s("d1"), "at", n("2")));
        assertThat(last.items()).extracting(found -> found.get("at").n()).containsExactly("3");
        assertThat(last.hasLastEvaluatedKey()).isFalse();
    }

    @Test
    void selectCount_withLimit_pagesLikeItems() {
        var response = client.query(b -> b.tableName("events").keyConditionExpression("device = :d")
                .expressionAttributeValues(Map.of(":d", s("d1"))).select(Select.COUNT).limit(4));

        assertThat(response.hasItems()).isFalse();
        assertThat(response.count()).isEqualTo(4);
        assertThat(response.lastEvaluatedKey()).isEqualTo(item("device", s("d1"), "at", n("4")));
    }

    @Test
    void descendingQuery_resumesBelowTheStartKey() {
        var response = client.query(b -> b.tableName("events").keyConditionExpression("device = :d")
                .expressionAttributeValues(Map.of(":d", s("d1"))).scanIndexForward(false)
                .exclusiveStartKey(item("device", s("d1"), "at", n("3"))));

        assertThat(response.items()).extracting(found -> found.get("at").n()).containsExactly("2", "1");
    }

    @Test
    void startKeyOfAnotherPartition_isOutsideTheQueryBoundaries() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("events").keyConditionExpression("device = :d")
                .expressionAttributeValues(Map.of(":d", s("d1")))
                .exclusiveStartKey(item("device", s("d2"), "at", n("1")))))
                .isInstanceOf(DynamoDbException.class)
                .satisfies(e -> assertThat(((DynamoDbException) e).awsErrorDetails().errorCode())
                        .isEqualTo("ValidationException"))
                .hasMessageStartingWith("The provided starting key is outside query boundaries based on provided"
                        + " conditions");
    }

    @Test
    void malformedStartKey_isInvalidForQuery_andMismatchesTheSchemaForScan() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("events").keyConditionExpression("device = :d")
                .expressionAttributeValues(Map.of(":d", s("d1"))).exclusiveStartKey(item("device", s("d1")))))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("The provided starting key is invalid");
        assertThatThrownBy(() -> client.query(b -> b.tableName("events").keyConditionExpression("device = :d")
                .expressionAttributeValues(Map.of(":d", s("d1")))
                .exclusiveStartKey(item("device", s("d1"), "at", s("2")))))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("The provided starting key is invalid");
        assertThatThrownBy(() -> client.scan(b -> b.tableName("events")
                .exclusiveStartKey(item("device", s("d1"), "at", s("2")))))
                .isInstanceOf(DynamoDbException.class)
                .extracting(e -> ((DynamoDbException) e).awsErrorDetails().errorMessage())
                .isEqualTo("The provided starting key is invalid: The provided key element does not match the schema");
    }

    @Test
    void startKeyOutsideTheSortKeyCondition_doesNotMatchTheRangeKeyPredicate() {
        assertThatThrownBy(() -> client.query(b -> b.tableName("events")
                .keyConditionExpression("device = :d AND #a > :a").expressionAttributeNames(Map.of("#a", "at"))
                .expressionAttributeValues(Map.of(":d", s("d1"), ":a", n("3")))
                .exclusiveStartKey(item("device", s("d1"), "at", n("2")))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("The provided starting key does not match the range key predicate");
    }

    @Test
    void startKeyInsideTheSortKeyCondition_resumesAfterIt() {
        var response = client.query(b -> b.tableName("events")
                .keyConditionExpression("device = :d AND #a BETWEEN :lo AND :hi")
                .expressionAttributeNames(Map.of("#a", "at"))
                .expressionAttributeValues(Map.of(":d", s("d1"), ":lo", n("2"), ":hi", n("5")))
                .exclusiveStartKey(item("device", s("d1"), "at", n("3"))));

        assertThat(response.items()).extracting(found -> found.get("at").n()).containsExactly("4", "5");
    }
}
