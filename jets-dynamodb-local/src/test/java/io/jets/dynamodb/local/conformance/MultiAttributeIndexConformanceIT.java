package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Global secondary indexes whose key is made of several attributes (up to four HASH and four RANGE): items sort by
 * the RANGE attributes compared one after another, an item missing any key attribute stays out of the index, and a
 * Query names every HASH attribute and the RANGE attributes left to right.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/GSI.DesignPattern.MultiAttributeKeys.html">
 *     Multi-attribute keys pattern</a>
 */
class MultiAttributeIndexConformanceIT {

    private static final String PARTIQL_REFUSED = "PartiQL statements cannot be executed on tables with"
            + " multi-attribute HASH keys or multi-attribute RANGE keys.";

    @RegisterExtension
    static final LocalServer local = LocalServer.start(LocalServer::instantIndexes);
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTable() {
        client.createTable(b -> b.tableName("matches").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(strings("matchId", "tournament", "area", "round", "bracket", "slot",
                        "player"))
                .keySchema(hash("matchId"))
                .globalSecondaryIndexes(
                        index("by-round", hash("tournament"), hash("area"), range("round"), range("bracket"),
                                range("slot")),
                        index("by-player", hash("player"))));
        match("m1", "EU", "final", "upper", "1");
        match("m2", "EU", "semi", "upper", "2");
        match("m3", "EU", "semi", "upper", "1");
        match("m4", "EU", "semi", "lower", "1");
        match("m5", "EU", "quarter", "upper", "3");
        match("m6", "EU", "semi", null, "1");
        match("m7", "NA", "semi", "upper", "1");
    }

    private static List<AttributeDefinition> strings(String... names) {
        return Arrays.stream(names).map(name -> attribute(name, ScalarAttributeType.S)).toList();
    }

    private static GlobalSecondaryIndex index(String name, KeySchemaElement... key) {
        return GlobalSecondaryIndex.builder().indexName(name).keySchema(key)
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build();
    }

    /** A WINTER match; a null attribute is left out of the item. */
    private static void match(String id, String area, String round, String bracket, String slot) {
        Map<String, AttributeValue> item = new LinkedHashMap<>(item("matchId", s(id), "tournament", s("WINTER"),
                "area", s(area), "round", s(round), "slot", s(slot), "player", s("p-" + id)));
        if (bracket != null) {
            item.put("bracket", s(bracket));
        }
        client.putItem(b -> b.tableName("matches").item(item));
    }

    private static QueryResponse query(String keyCondition, Consumer<QueryRequest.Builder> extra) {
        Map<String, AttributeValue> values = new LinkedHashMap<>();
        Map<String, AttributeValue> all = item(":t", s("WINTER"), ":r", s("EU"), ":round", s("semi"),
                ":low", s("quarter"), ":b", s("upper"), ":prefix", s("up"), ":slot", s("1"));
        all.forEach((name, value) -> {
            if (keyCondition.matches(".*" + name + "\\b.*")) {
                values.put(name, value);
            }
        });
        QueryRequest.Builder request = QueryRequest.builder().tableName("matches").indexName("by-round")
                .keyConditionExpression(keyCondition).expressionAttributeValues(values);
        extra.accept(request);
        return client.query(request.build());
    }

    private static List<String> ids(String keyCondition) {
        return ids(query(keyCondition, b -> { }));
    }

    private static List<String> ids(QueryResponse response) {
        return response.items().stream().map(item -> item.get("matchId").s()).toList();
    }

    @Test
    void describeTable_reportsTheIndexKeySchemaInTheOrderItWasCreated() {
        var index = client.describeTable(b -> b.tableName("matches")).table().globalSecondaryIndexes().stream()
                .filter(i -> i.indexName().equals("by-round")).findFirst().orElseThrow();
        assertThat(index.keySchema()).containsExactly(hash("tournament"), hash("area"), range("round"),
                range("bracket"), range("slot"));
    }

    @Test
    void query_onTheHashAttributes_returnsItemsOrderedByEachRangeAttributeInTurn_withoutItemsMissingOne() {
        assertThat(ids("tournament = :t AND area = :r")).containsExactly("m1", "m5", "m4", "m3", "m2");
    }

    @Test
    void query_withEqualitiesOnARangePrefix_narrowsToIt() {
        assertThat(ids("tournament = :t AND area = :r AND round = :round")).containsExactly("m4", "m3", "m2");
        assertThat(ids("tournament = :t AND area = :r AND round = :round AND bracket = :b"))
                .containsExactly("m3", "m2");
        assertThat(ids("tournament = :t AND area = :r AND round = :round AND bracket = :b AND slot = :slot"))
                .containsExactly("m3");
    }

    @Test
    void query_takesOneRangeConditionOnTheAttributeAfterThePrefix() {
        assertThat(ids("tournament = :t AND area = :r AND round = :round AND bracket < :b")).containsExactly("m4");
        assertThat(ids("tournament = :t AND area = :r AND round = :round AND begins_with(bracket, :prefix)"))
                .containsExactly("m3", "m2");
        assertThat(ids("tournament = :t AND area = :r AND round = :round AND bracket = :b AND slot > :slot"))
                .containsExactly("m2");
        assertThat(ids("tournament = :t AND area = :r AND round BETWEEN :low AND :round"))
                .containsExactly("m5", "m4", "m3", "m2");
    }

    @Test
    void query_acceptsTheConditionsInAnyOrder_andScanIndexForwardFalseReverses() {
        assertThat(ids("bracket = :b AND area = :r AND round = :round AND tournament = :t"))
                .containsExactly("m3", "m2");
        assertThat(ids(query("tournament = :t AND area = :r AND round = :round", b -> b.scanIndexForward(false))))
                .containsExactly("m2", "m3", "m4");
    }

    @Test
    void query_refusesARangeAttributeWithoutAnEqualityBeforeTheLastOneNamed() {
        assertValidation(() -> ids("tournament = :t AND area = :r AND round = :round AND slot = :slot"),
                "RANGE key attributes bracket must have equality conditions specified in the query because a"
                        + " condition is present on key attribute slot");
        assertValidation(() -> ids("tournament = :t AND area = :r AND round > :low AND bracket = :b"),
                "RANGE key attributes round must have equality conditions specified in the query because a"
                        + " condition is present on key attribute bracket");
        assertValidation(() -> ids("tournament = :t AND area = :r AND bracket = :b"),
                "RANGE key attributes round must have equality conditions specified in the query because a"
                        + " condition is present on key attribute bracket");
    }

    @Test
    void query_pagesWithEveryIndexKeyAttributeAndTheTableKeyInLastEvaluatedKey() {
        QueryResponse first = query("tournament = :t AND area = :r AND round = :round", b -> b.limit(2));
        assertThat(ids(first)).containsExactly("m4", "m3");
        assertThat(first.lastEvaluatedKey()).containsOnlyKeys("matchId", "tournament", "area", "round",
                "bracket", "slot");
        QueryResponse second = query("tournament = :t AND area = :r AND round = :round",
                b -> b.exclusiveStartKey(first.lastEvaluatedKey()));
        assertThat(ids(second)).containsExactly("m2");
    }

    @Test
    void scan_ofTheIndex_returnsOnlyItemsCarryingEveryKeyAttribute() {
        assertThat(client.scan(b -> b.tableName("matches").indexName("by-round")).items())
                .extracting(item -> item.get("matchId").s())
                .containsExactlyInAnyOrder("m1", "m2", "m3", "m4", "m5", "m7");
    }

    @Test
    void putItem_refusesAWrongTypeForAnyKeyAttributeOfTheIndex() {
        assertValidation(() -> client.putItem(b -> b.tableName("matches").item(item("matchId", s("bad"),
                        "tournament", s("WINTER"), "slot", n("1")))),
                "One or more parameter values were invalid: Type mismatch for Index Key slot Expected: S Actual: N"
                        + " IndexName: by-round");
    }

    @Test
    void updateTable_createsAnIndexWithAMultiAttributeKey() {
        client.createTable(b -> b.tableName("fixtures").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(strings("id")).keySchema(hash("id")));
        client.putItem(b -> b.tableName("fixtures").item(item("id", s("f1"), "league", s("L1"), "season", s("2026"),
                "week", s("02"), "kickoff", s("18:00"))));
        client.putItem(b -> b.tableName("fixtures").item(item("id", s("f2"), "league", s("L1"), "season", s("2026"),
                "week", s("01"), "kickoff", s("20:00"))));
        client.updateTable(b -> b.tableName("fixtures")
                .attributeDefinitions(strings("league", "season", "week", "kickoff"))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-week")
                        .keySchema(hash("league"), hash("season"), range("week"), range("kickoff"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));

        var index = client.describeTable(b -> b.tableName("fixtures")).table().globalSecondaryIndexes().get(0);
        assertThat(index.keySchema()).containsExactly(hash("league"), hash("season"), range("week"),
                range("kickoff"));
        var items = client.query(b -> b.tableName("fixtures").indexName("by-week")
                .keyConditionExpression("league = :l AND season = :s")
                .expressionAttributeValues(item(":l", s("L1"), ":s", s("2026")))).items();
        assertThat(items).extracting(item -> item.get("id").s()).containsExactly("f2", "f1");
    }

    @Test
    void createTable_refusesAKeyOfMoreThanFourHashOrFourRangeAttributes() {
        assertValidation(() -> createWithIndexKey(hash("a"), hash("b"), hash("c"), hash("d"), hash("e")),
                "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of HASH"
                        + " key attributes");
        assertValidation(() -> createWithIndexKey(hash("a"), range("b"), range("c"), range("d"), range("e"),
                        range("f")),
                "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of RANGE"
                        + " key attributes");
    }

    @Test
    void createTable_refusesAHashAttributeAfterARangeAttribute_andAnAttributeNamedTwice() {
        assertValidation(() -> createWithIndexKey(hash("a"), range("b"), hash("c")),
                "One or more parameter values were invalid: All HASH key attributes must precede RANGE key"
                        + " attributes in the KeySchema");
        assertValidation(() -> createWithIndexKey(hash("a"), hash("b"), range("a")),
                "The KeySchema contains multiple key attributes with the same name");
    }

    @Test
    void updateTable_refusesAKeyOfMoreThanFourRangeAttributes() {
        client.createTable(b -> b.tableName("standings").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(strings("id")).keySchema(hash("id")));
        assertValidation(() -> client.updateTable(b -> b.tableName("standings")
                        .attributeDefinitions(strings("a", "b", "c", "d", "e", "f"))
                        .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("too-long")
                                .keySchema(hash("a"), range("b"), range("c"), range("d"), range("e"), range("f"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))))),
                "One or more parameter values were invalid: The KeySchema exceeds the maximum allowed number of RANGE"
                        + " key attributes");
    }

    private static void createWithIndexKey(KeySchemaElement... key) {
        client.createTable(b -> b.tableName("refused").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(strings("id", "a", "b", "c", "d", "e", "f")).keySchema(hash("id"))
                .globalSecondaryIndexes(index("by-key", key)));
    }

    @Test
    void partiQl_refusesToReadTheIndex_butReadsTheTableAndItsOtherIndexes() {
        assertValidation(() -> client.executeStatement(b -> b.statement(
                "SELECT * FROM matches.\"by-round\" WHERE tournament = 'WINTER' AND area = 'EU'")), PARTIQL_REFUSED);
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT * FROM matches.\"by-round\"")),
                PARTIQL_REFUSED);
        assertValidation(() -> client.executeStatement(b -> b.statement(
                "SELECT COUNT(*) FROM matches.\"by-round\"")), PARTIQL_REFUSED);
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT COUNT(*) FROM matches")),
                "Unexpected path component at 1:8:5");
        assertThat(client.executeStatement(b -> b.statement("SELECT * FROM matches WHERE matchId = 'm1'")).items())
                .hasSize(1);
        assertThat(client.executeStatement(b -> b.statement(
                "SELECT * FROM matches.\"by-player\" WHERE player = 'p-m1'")).items()).hasSize(1);
    }

    @Test
    void partiQl_inABatch_failsOnlyTheStatementReadingTheIndex_aheadOfTheKeyOnlyRule() {
        List<BatchStatementResponse> responses = client.batchExecuteStatement(b -> b.statements(
                s -> s.statement("SELECT * FROM matches.\"by-round\" WHERE tournament = 'WINTER' AND area = 'EU'"
                        + " AND round = 'final' AND bracket = 'upper' AND slot = '1'"),
                s -> s.statement("SELECT * FROM matches WHERE matchId = 'm1'"))).responses();
        assertThat(responses.get(0).error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
        assertThat(responses.get(0).error().message()).isEqualTo(PARTIQL_REFUSED);
        assertThat(responses.get(1).error()).isNull();
        assertThat(responses.get(1).item().get("matchId")).isEqualTo(s("m1"));
    }
}
