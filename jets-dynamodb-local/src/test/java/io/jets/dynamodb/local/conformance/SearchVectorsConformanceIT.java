package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.SearchResultItem;
import software.amazon.awssdk.services.dynamodb.model.SearchSchemaElementType;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsRequest;
import software.amazon.awssdk.services.dynamodb.model.SearchVectorsResponse;
import software.amazon.awssdk.services.dynamodb.model.VectorDistanceFunction;
import software.amazon.awssdk.services.dynamodb.model.VectorIndex;

/**
 * SearchVectors over vector indexes created with the table: the score each distance function gives (worked out
 * here from the vectors, as DynamoDB defines it), the order of the results and TopK, the HASH partition and
 * inline filters, what each projection returns, the messages of refused searches, and the search bytes consumed.
 */
class SearchVectorsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start(LocalServer::instantIndexes);
    private static final DynamoDbClient client = local.dynamoDb();

    /** A product of the fixture; null attributes are left out of the item. */
    private record Product(String pk, String tenant, String color, String label, double[] embedding) {
    }

    private static final List<Product> PRODUCTS = List.of(
            new Product("a", "t1", "red", "A", new double[] {1, 0, 0}),
            new Product("b", "t1", "blue", "B", new double[] {0, 1, 0}),
            new Product("c", "t2", "red", "C", new double[] {-1, 0, 0}),
            new Product("d", "t1", "red", "D", new double[] {0.6, 0.8, 0}),
            new Product("e", null, "red", "E", new double[] {0.2, 0.3, 0.9}),
            new Product("f", "t1", null, "F", new double[] {0.9, 0.1, 0.2}),
            new Product("g", "t1", "red", "G", null),
            new Product("h", "t2", "blue", "H", new double[] {0.1, -0.7, 0.25}),
            new Product("tie-1", "t3", "red", "T", new double[] {0.5, 0.5, 0.5}),
            new Product("tie-2", "t3", "red", "T", new double[] {0.5, 0.5, 0.5}),
            new Product("tie-3", "t3", "red", "T", new double[] {0.5, 0.5, 0.5}));

    private static final double[] X = {1, 0, 0};

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("products").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S),
                        attribute("tenant", ScalarAttributeType.S), attribute("color", ScalarAttributeType.S))
                .keySchema(hash("pk"))
                .vectorIndexes(index("by-cosine", VectorDistanceFunction.COSINE, all(), 3),
                        index("by-euclidean", VectorDistanceFunction.EUCLIDEAN, all(), 3),
                        index("by-dot", VectorDistanceFunction.DOT_PRODUCT, all(), 3),
                        index("per-tenant", VectorDistanceFunction.EUCLIDEAN,
                                Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build(), 3).toBuilder()
                                .searchSchema(s -> s.attributeName("tenant")
                                                .searchSchemaElementType(SearchSchemaElementType.HASH),
                                        s -> s.attributeName("color")
                                                .searchSchemaElementType(SearchSchemaElementType.INLINE_FILTER))
                                .build(),
                        index("with-label", VectorDistanceFunction.COSINE, Projection.builder()
                                .projectionType(ProjectionType.INCLUDE).nonKeyAttributes("label").build(), 3)));
        for (Product product : PRODUCTS) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", AttributeValue.fromS(product.pk()));
            item.put("price", AttributeValue.fromN("10"));
            if (product.tenant() != null) {
                item.put("tenant", AttributeValue.fromS(product.tenant()));
            }
            if (product.color() != null) {
                item.put("color", AttributeValue.fromS(product.color()));
            }
            item.put("label", AttributeValue.fromS(product.label()));
            if (product.embedding() != null) {
                item.put("embedding", AttributeValue.fromL(Arrays.stream(product.embedding())
                        .mapToObj(value -> AttributeValue.fromN(Double.toString(value))).toList()));
            }
            client.putItem(b -> b.tableName("products").item(item));
        }
        client.createTable(b -> b.tableName("wide").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk"))
                .vectorIndexes(index("by-cosine", VectorDistanceFunction.COSINE, all(), 64)));
    }

    private static Projection all() {
        return Projection.builder().projectionType(ProjectionType.ALL).build();
    }

    private static VectorIndex index(String name, VectorDistanceFunction distance, Projection projection,
                                     long dimensions) {
        return VectorIndex.builder().indexName(name).vectorAttribute(v -> v.attributeName("embedding"))
                .projection(projection).dimensions(dimensions).distanceFunction(distance).build();
    }

    private static List<AttributeValue> vector(double... values) {
        return Arrays.stream(values).mapToObj(value -> AttributeValue.fromN(Double.toString(value))).toList();
    }

    private static SearchVectorsResponse search(String index, double[] vector, int topK,
                                                Consumer<SearchVectorsRequest.Builder> more) {
        return client.searchVectors(b -> {
            b.tableName("products").indexName(index).searchVector(vector(vector)).topK(topK);
            more.accept(b);
        });
    }

    private static SearchVectorsResponse search(String index, double[] vector, int topK) {
        return search(index, vector, topK, b -> { });
    }

    // the scores as DynamoDB defines them

    private static double dot(double[] a, double[] b) {
        return IntStream.range(0, a.length).mapToDouble(i -> a[i] * b[i]).sum();
    }

    private static double cosine(double[] a, double[] b) {
        return 1 - dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
    }

    private static double euclidean(double[] a, double[] b) {
        return Math.sqrt(IntStream.range(0, a.length).mapToDouble(i -> (a[i] - b[i]) * (a[i] - b[i])).sum());
    }

    private static Product product(String pk) {
        return PRODUCTS.stream().filter(p -> p.pk().equals(pk)).findFirst().orElseThrow();
    }

    /**
     * Checks a search returned exactly the indexed products that {@code holds} selects, each with the score
     * {@code score} gives it, closest first ({@code ascending} scores, or descending for a dot product).
     */
    private static void assertRanked(SearchVectorsResponse response, Predicate<Product> holds,
                                     Comparator<Double> closerFirst, ToDoubleFunction<double[]> score) {
        List<String> expected = PRODUCTS.stream().filter(p -> p.embedding() != null).filter(holds)
                .map(Product::pk).sorted().toList();
        List<String> returned = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (SearchResultItem result : response.searchResults()) {
            String pk = result.item().get("pk").s();
            returned.add(pk);
            scores.add(result.score());
            assertThat(result.score()).as("score of %s", pk)
                    .isCloseTo(score.applyAsDouble(product(pk).embedding()), offset(1e-6));
        }
        assertThat(returned.stream().sorted().toList()).isEqualTo(expected);
        assertThat(scores).isSortedAccordingTo(closerFirst);
    }

    @Test
    void cosine_scoresOneMinusTheCosineSimilarity_lowestFirst() {
        SearchVectorsResponse response = search("by-cosine", X, 100);

        assertRanked(response, p -> true, Comparator.naturalOrder(), v -> cosine(v, X));
        Map<String, Double> scores = scoresByKey(response);
        assertThat(scores).containsEntry("a", 0.0).containsEntry("b", 1.0).containsEntry("c", 2.0);
    }

    @Test
    void cosine_scoresAVectorAgainstItselfZero_whateverItsLength() {
        // cosine scores run from 0, the same direction, to 2: rounding to 32 bits must neither lift a vector
        // searched with itself above 0 nor push it below
        assertThat(scoresByKey(search("by-cosine", new double[] {0.9, 0.1, 0.2}, 100))).containsEntry("f", 0.0);
        assertThat(scoresByKey(search("by-cosine", new double[] {0.2, 0.3, 0.9}, 100))).containsEntry("e", 0.0);
        assertThat(scoresByKey(search("by-cosine", new double[] {0.1, -0.7, 0.25}, 100))).containsEntry("h", 0.0);
        assertThat(scoresByKey(search("by-cosine", new double[] {0.5, 0.5, 0.5}, 100)))
                .containsEntry("tie-1", 0.0).containsEntry("tie-2", 0.0).containsEntry("tie-3", 0.0);
        assertThat(scoresByKey(search("by-cosine", new double[] {1, 1, 0}, 100)).values())
                .allSatisfy(score -> assertThat(score).isBetween(0.0, 2.0));
    }

    @Test
    void euclidean_scoresTheStraightLineDistance_lowestFirst() {
        SearchVectorsResponse response = search("by-euclidean", X, 100);

        assertRanked(response, p -> true, Comparator.naturalOrder(), v -> euclidean(v, X));
        assertThat(scoresByKey(response)).containsEntry("a", 0.0).containsEntry("c", 2.0);
    }

    @Test
    void dotProduct_scoresTheProduct_highestFirst_andMayBeNegative() {
        SearchVectorsResponse response = search("by-dot", X, 100);

        assertRanked(response, p -> true, Comparator.reverseOrder(), v -> dot(v, X));
        assertThat(scoresByKey(response)).containsEntry("a", 1.0).containsEntry("b", 0.0).containsEntry("c", -1.0);
    }

    @Test
    void scores_areThoseOf32BitFloats() {
        double score = scoresByKey(search("by-dot", X, 100)).get("d");

        assertThat(score).isEqualTo((double) (float) 0.6).isNotEqualTo(0.6);
    }

    @Test
    void topK_keepsTheClosest() {
        double[] query = {0.9, 0.3, 0.1};
        List<String> closest = PRODUCTS.stream().filter(p -> p.embedding() != null)
                .sorted(Comparator.comparingDouble(p -> euclidean(p.embedding(), query)))
                .map(Product::pk).limit(3).toList();

        SearchVectorsResponse response = search("by-euclidean", query, 3);

        assertThat(response.searchResults()).extracting(r -> r.item().get("pk").s()).containsExactlyElementsOf(closest);
    }

    @Test
    void ties_areAnsweredInTheSameOrderEveryTime() {
        double[] query = {0.5, 0.5, 0.5};
        Consumer<SearchVectorsRequest.Builder> tenant = b -> b.searchConditionExpression("tenant = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t3")));

        List<String> first = keys(search("per-tenant", query, 2, tenant));

        assertThat(first).hasSize(2).allMatch(pk -> pk.startsWith("tie-"));
        for (int i = 0; i < 3; i++) {
            assertThat(keys(search("per-tenant", query, 2, tenant))).isEqualTo(first);
        }
        assertThat(search("per-tenant", query, 3, tenant).searchResults()).extracting(SearchResultItem::score)
                .containsOnly(0.0);
    }

    @Test
    void hashPartition_searchesOneTenant_andLeavesOutItemsWithoutTheAttribute() {
        SearchVectorsResponse response = search("per-tenant", X, 100, b -> b.searchConditionExpression("#t = :t")
                .expressionAttributeNames(Map.of("#t", "tenant"))
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t1"))));

        assertRanked(response, p -> "t1".equals(p.tenant()), Comparator.naturalOrder(), v -> euclidean(v, X));
        assertThat(keys(search("by-euclidean", X, 100))).contains("e");
    }

    @Test
    void inlineFilter_keepsMatchingItems_andAnItemWithoutTheAttributeNeverMatches() {
        SearchVectorsResponse response = search("per-tenant", X, 100,
                b -> b.searchConditionExpression("tenant = :t AND color = :c")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t1"),
                                ":c", AttributeValue.fromS("red"))));

        assertRanked(response, p -> "t1".equals(p.tenant()) && "red".equals(p.color()), Comparator.naturalOrder(),
                v -> euclidean(v, X));
        assertThat(keys(response)).doesNotContain("f");
    }

    @Test
    void all_returnsEveryAttributeButTheVector() {
        Map<String, AttributeValue> item = search("by-cosine", X, 1).searchResults().get(0).item();

        assertThat(item).containsOnlyKeys("pk", "tenant", "color", "label", "price");
    }

    @Test
    void projectionExpression_returnsTheVectorAsThe32BitCopyTheIndexHolds() {
        String[] precise = {"0.1", "16777217", "1.000000059604644775390625"};
        client.putItem(b -> b.tableName("wide").item(Map.of("pk", AttributeValue.fromS("probe"),
                "embedding", AttributeValue.fromL(IntStream.range(0, 64)
                        .mapToObj(i -> AttributeValue.fromN(i < 3 ? precise[i] : "0")).toList()))));
        double[] query = new double[64];
        query[0] = 1;

        Map<String, AttributeValue> item = client.searchVectors(b -> b.tableName("wide").indexName("by-cosine")
                .searchVector(vector(query)).topK(1).projectionExpression("pk, embedding"))
                .searchResults().get(0).item();

        List<AttributeValue> embedding = item.get("embedding").l();
        assertThat(embedding).hasSize(64);
        for (int i = 0; i < 3; i++) {
            assertThat(Float.parseFloat(embedding.get(i).n())).isEqualTo(Float.parseFloat(precise[i]));
        }
        assertThat(Double.parseDouble(embedding.get(1).n())).isEqualTo(16777216.0);
        assertThat(client.getItem(b -> b.tableName("wide").key(Map.of("pk", AttributeValue.fromS("probe"))))
                .item().get("embedding").l().get(1).n()).isEqualTo("16777217");
    }

    @Test
    void projectionExpression_leavesOutWhatTheIndexDoesNotProject() {
        Map<String, AttributeValue> include = search("with-label", X, 1,
                b -> b.projectionExpression("pk, label, price, #c")
                        .expressionAttributeNames(Map.of("#c", "color"))).searchResults().get(0).item();
        assertThat(include).containsOnlyKeys("pk", "label");

        Map<String, AttributeValue> byDefault = search("with-label", X, 1).searchResults().get(0).item();
        assertThat(byDefault).containsKeys("pk", "label").doesNotContainKeys("price", "embedding");
    }

    @Test
    void keysOnly_returnsTheTableKey_andNoOtherAttributeOfTheItem() {
        Map<String, AttributeValue> item = search("per-tenant", X, 1, b -> b.searchConditionExpression("tenant = :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t1")))).searchResults().get(0).item();

        assertThat(item).containsEntry("pk", AttributeValue.fromS("a")).doesNotContainKeys("label", "price",
                "embedding");
    }

    @Test
    void consumedCapacity_isSearchRequestBytes_theSameForTotalAndIndexes() {
        double total = search("by-cosine", X, 1, b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL))
                .consumedCapacity().vectorSearchRequestBytes();
        double indexes = search("by-cosine", X, 1, b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES))
                .consumedCapacity().vectorSearchRequestBytes();

        assertThat(total).isGreaterThanOrEqualTo(1024.0).isEqualTo(indexes);
        assertThat(search("by-cosine", X, 1, b -> b.returnConsumedCapacity(ReturnConsumedCapacity.NONE))
                .consumedCapacity()).isNull();
        assertThat(search("by-cosine", X, 1).consumedCapacity()).isNull();
        double[] wide = new double[64];
        wide[0] = 1;
        double wider = client.searchVectors(b -> b.tableName("wide").indexName("by-cosine").searchVector(vector(wide))
                .topK(1).returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)).consumedCapacity()
                .vectorSearchRequestBytes();
        assertThat(wider).isGreaterThan(total);
    }

    @Test
    void anIndexAddedByUpdateTable_findsTheItemsWrittenBefore_andADeletedOneIsGone() {
        client.createTable(b -> b.tableName("later").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("pk", ScalarAttributeType.S)).keySchema(hash("pk")));
        for (Product product : PRODUCTS.subList(0, 4)) {
            client.putItem(b -> b.tableName("later").item(Map.of("pk", AttributeValue.fromS(product.pk()),
                    "embedding", AttributeValue.fromL(vector(product.embedding())))));
        }
        client.updateTable(b -> b.tableName("later").vectorIndexUpdates(u -> u.create(c -> c.indexName("added")
                .vectorAttribute(v -> v.attributeName("embedding")).dimensions(3L)
                .distanceFunction(VectorDistanceFunction.DOT_PRODUCT).projection(all()))));

        SearchVectorsResponse response = client.searchVectors(b -> b.tableName("later").indexName("added")
                .searchVector(vector(X)).topK(10));

        assertRanked(response, p -> List.of("a", "b", "c", "d").contains(p.pk()), Comparator.reverseOrder(),
                v -> dot(v, X));
        client.updateTable(b -> b.tableName("later").vectorIndexUpdates(u -> u.delete(d -> d.indexName("added"))));
        assertValidation(() -> client.searchVectors(b -> b.tableName("later").indexName("added")
                        .searchVector(vector(X)).topK(10)),
                "The table does not have the specified index: added");
    }

    @Test
    void theTableMayBeNamedByItsArn() {
        String arn = client.describeTable(b -> b.tableName("products")).table().tableArn();

        SearchVectorsResponse response = client.searchVectors(b -> b.tableName(arn).indexName("by-cosine")
                .searchVector(vector(X)).topK(2));

        assertThat(keys(response)).isEqualTo(keys(search("by-cosine", X, 2)));
    }

    @Test
    void aSearchVectorOfAnotherDimension_isRefused() {
        assertValidation(() -> search("by-cosine", new double[] {1, 0}, 1),
                "Input search vector dimension 2 does not match vector index dimension 3");
    }

    @Test
    void aSearchVectorOfOtherThanNumbers_isRefused() {
        String message = "Search vector contains invalid values. All values in the search vector must be a 32-bit"
                + " floating-point number attribute";
        assertValidation(() -> client.searchVectors(b -> b.tableName("products").indexName("by-cosine")
                .searchVector(AttributeValue.fromL(vector(X))).topK(1)), message);
        assertValidation(() -> client.searchVectors(b -> b.tableName("products").indexName("by-cosine")
                .searchVector(AttributeValue.fromN("1"), AttributeValue.fromS("0"), AttributeValue.fromN("0"))
                .topK(1)), message);
    }

    @Test
    void aHashIndex_needsItsAttributeInTheCondition() {
        assertValidation(() -> search("per-tenant", X, 1),
                "SearchConditionExpression must be provided when SearchSchema has a HASH key");
        assertValidation(() -> search("per-tenant", X, 1, b -> b.searchConditionExpression("color = :c")
                        .expressionAttributeValues(Map.of(":c", AttributeValue.fromS("red")))),
                "SearchConditionExpression must have all HASH attributes in configured SearchSchema");
    }

    @Test
    void onlyEqualityIsSupported_onTheHashAttributeAndOnInlineFilters() {
        String message = "Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression";
        assertValidation(() -> search("per-tenant", X, 1, b -> b.searchConditionExpression("tenant < :t")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t9")))), message);
        assertValidation(() -> search("per-tenant", X, 1, b -> b.searchConditionExpression("tenant = :t AND color < :c")
                .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t1"),
                        ":c", AttributeValue.fromS("c9")))), message);
    }

    @Test
    void aConditionOnAnAttributeOutsideTheSearchSchema_isRefused() {
        assertValidation(() -> search("by-cosine", X, 1, b -> b.searchConditionExpression("tenant = :t")
                        .expressionAttributeValues(Map.of(":t", AttributeValue.fromS("t1")))),
                "SearchConditionExpression must not contain any attributes that is not in SearchSchema. Invalid"
                        + " attribute: tenant");
    }

    @Test
    void placeholders_mustBeDefinedAndUsed() {
        assertValidation(() -> search("per-tenant", X, 1, b -> b.searchConditionExpression("tenant = :t")
                        .expressionAttributeValues(Map.of(":x", AttributeValue.fromS("t1")))),
                "Invalid SearchConditionExpression: An expression attribute value used in expression is not defined;"
                        + " attribute value: :t");
        assertValidation(() -> search("per-tenant", X, 1, b -> b.searchConditionExpression("tenant = :t")
                        .expressionAttributeValues(new LinkedHashMap<>(Map.of(":t", AttributeValue.fromS("t1"),
                                ":x", AttributeValue.fromS("unused"))))),
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:x}");
        assertValidation(() -> search("by-cosine", X, 1, b -> b.projectionExpression("pk, #undef")),
                "Invalid ProjectionExpression: An expression attribute name used in the document path is not"
                        + " defined; attribute name: #undef");
    }

    private static Map<String, Double> scoresByKey(SearchVectorsResponse response) {
        Map<String, Double> scores = new HashMap<>();
        response.searchResults().forEach(r -> scores.put(r.item().get("pk").s(), r.score()));
        return scores;
    }

    private static List<String> keys(SearchVectorsResponse response) {
        return response.searchResults().stream().map(r -> r.item().get("pk").s()).toList();
    }
}
