package io.jets.dynamodb.local.internal.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.IndexCreationTimes;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore.Position;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.AttributeDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.SearchSchemaElement;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The search itself over index entries kept as the contract of vector indexes describes them (entry hash the
 * HASH attribute's key encoding, else empty; entry range empty), independently of how writes keep them.
 */
class SearchVectorsOperationTest {

    private static final byte[] EMPTY = new byte[0];

    private Database database;
    private SearchVectorsOperation operation;
    private TableDefinition table;

    @BeforeEach
    void createTable() {
        database = Database.inMemory();
        TableCatalog catalog = new TableCatalog(database);
        List<VectorIndexDefinition> indexes = List.of(
                index("plain", "COSINE", "ALL", List.of(), List.of()),
                index("dot", "DOT_PRODUCT", "ALL", List.of(), List.of()),
                index("keys", "EUCLIDEAN", "KEYS_ONLY", List.of(new SearchSchemaElement("tenant", "HASH"),
                        new SearchSchemaElement("color", "INLINE_FILTER")), List.of()),
                index("some", "EUCLIDEAN", "INCLUDE", List.of(), List.of("label")));
        TableDefinition definition = new TableDefinition(0, "things", "id", 0,
                List.of(new AttributeDefinition("pk", "S"), new AttributeDefinition("tenant", "S"),
                        new AttributeDefinition("color", "S")),
                "pk", null, "PAY_PER_REQUEST", 0, 0, null, List.of(), List.of(), null, false, Map.of(), null)
                .withVectorIndexes(indexes, List.of(new AttributeDefinition("pk", "S"),
                        new AttributeDefinition("tenant", "S"), new AttributeDefinition("color", "S")));
        table = database.write(connection -> catalog.insert(connection, definition));
        operation = new SearchVectorsOperation(database, catalog,
                new OnlineIndexes(java.time.Clock.systemUTC(), IndexCreationTimes.DEFAULT));
        put("{'pk':{'S':'a'},'tenant':{'S':'t1'},'color':{'S':'red'},'label':{'S':'A'},'extra':{'N':'1'},"
                + "'v':{'L':[{'N':'1'},{'N':'0'},{'N':'0'}]}}");
        put("{'pk':{'S':'b'},'tenant':{'S':'t1'},'color':{'S':'blue'},'label':{'S':'B'},"
                + "'v':{'L':[{'N':'0'},{'N':'1'},{'N':'0'}]}}");
        put("{'pk':{'S':'c'},'tenant':{'S':'t2'},'label':{'S':'C'},'v':{'L':[{'N':'-1'},{'N':'0'},{'N':'0'}]}}");
        put("{'pk':{'S':'d'},'tenant':{'S':'t1'},'label':{'S':'D'},'v':{'L':[{'N':'0.6'},{'N':'0.8'},{'N':'0'}]}}");
    }

    @AfterEach
    void close() {
        database.close();
    }

    private static VectorIndexDefinition index(String name, String distance, String projection,
                                               List<SearchSchemaElement> schema, List<String> nonKey) {
        return new VectorIndexDefinition(name, "v", schema, projection, nonKey, 3, distance, 0);
    }

    private void put(String singleQuoted) {
        ObjectNode item = Json.parseObject(singleQuoted.replace('\'', '"'));
        byte[] hash = Keys.hash(table, item);
        byte[] range = Keys.range(table, item);
        database.write(connection -> {
            new ItemStore().put(connection, table.id(), hash, range, Json.write(item),
                    AttributeValues.itemSize(item));
            for (VectorIndexDefinition index : table.vectorIndexes()) {
                String partition = index.hashAttribute();
                if (partition != null && !item.has(partition)) {
                    continue;
                }
                byte[] entryHash = partition == null ? EMPTY : KeyEncoding.encode(item.get(partition));
                new IndexEntryStore().put(connection, table.id(), index.name(),
                        new Position(entryHash, EMPTY, hash, range), 0);
            }
            return null;
        });
    }

    private ObjectNode search(String singleQuoted) {
        return operation.searchVectors(Json.parseObject(singleQuoted.replace('\'', '"')));
    }

    private static List<String> keys(ObjectNode response) {
        List<String> keys = new ArrayList<>();
        response.get("SearchResults").forEach(result -> keys.add(result.at("/Item/pk/S").asText()));
        return keys;
    }

    @Test
    void cosine_ranksClosestFirst_andLeavesTheVectorOut() {
        ObjectNode response = search("{'TableName':'things','IndexName':'plain','TopK':3,"
                + "'SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}]}");

        assertThat(keys(response)).containsExactly("a", "d", "b");
        JsonNode first = response.get("SearchResults").get(0);
        assertThat(first.get("Score").doubleValue()).isEqualTo(0.0);
        assertThat(first.get("Item").has("v")).isFalse();
        assertThat(first.get("Item").has("extra")).isTrue();
        assertThat(response.has("ConsumedCapacity")).isFalse();
    }

    @Test
    void dotProduct_ranksHighestFirst() {
        ObjectNode response = search("{'TableName':'things','IndexName':'dot','TopK':4,"
                + "'SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}]}");

        assertThat(keys(response)).containsExactly("a", "d", "b", "c");
        assertThat(response.at("/SearchResults/3/Score").doubleValue()).isEqualTo(-1.0);
    }

    @Test
    void hashPartition_andInlineFilter_narrowTheSearch_andKeysOnlyHoldsKeysAndSchema() {
        ObjectNode response = search("{'TableName':'things','IndexName':'keys','TopK':10,"
                + "'SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}],'SearchConditionExpression':'tenant = :t',"
                + "'ExpressionAttributeValues':{':t':{'S':'t1'}}}");
        assertThat(keys(response)).containsExactly("a", "d", "b");
        assertThat(response.at("/SearchResults/0/Item")).isEqualTo(Json.parseObject(
                "{\"pk\":{\"S\":\"a\"},\"tenant\":{\"S\":\"t1\"},\"color\":{\"S\":\"red\"}}"));

        ObjectNode filtered = search("{'TableName':'things','IndexName':'keys','TopK':10,"
                + "'SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}],"
                + "'SearchConditionExpression':'tenant = :t AND color = :c',"
                + "'ExpressionAttributeValues':{':t':{'S':'t1'},':c':{'S':'blue'}}}");
        assertThat(keys(filtered)).containsExactly("b");
    }

    @Test
    void projectionExpression_returnsTheIndexCopyOfTheVector_andNothingUnprojected() {
        ObjectNode response = search("{'TableName':'things','IndexName':'some','TopK':1,"
                + "'SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}],'ProjectionExpression':'pk, v, extra, label'}");

        assertThat(response.at("/SearchResults/0/Item")).isEqualTo(Json.parseObject("{\"pk\":{\"S\":\"a\"},"
                + "\"v\":{\"L\":[{\"N\":\"1.0\"},{\"N\":\"0.0\"},{\"N\":\"0.0\"}]},\"label\":{\"S\":\"A\"}}"));
    }

    @Test
    void consumedCapacity_isBareSearchBytes_ofAtLeastOneKilobyte() {
        ObjectNode response = search("{'TableName':'things','IndexName':'plain','TopK':1,"
                + "'ReturnConsumedCapacity':'INDEXES','SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}]}");

        JsonNode capacity = response.get("ConsumedCapacity");
        assertThat(capacity.properties()).extracting(Map.Entry::getKey)
                .containsExactly("VectorSearchRequestBytes", "VectorSearchUnits");
        assertThat(capacity.get("VectorSearchRequestBytes").doubleValue()).isEqualTo(1024.0);
    }

    @Test
    void hashIndex_withoutCondition_isRefused() {
        assertThatThrownBy(() -> search("{'TableName':'things','IndexName':'keys','TopK':1,"
                + "'SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}]}"))
                .isInstanceOf(ApiException.class)
                .hasMessage("SearchConditionExpression must be provided when SearchSchema has a HASH key");
        assertThatThrownBy(() -> search("{'TableName':'things','IndexName':'keys','TopK':1,"
                + "'SearchVector':[{'N':'1'},{'N':'0'},{'N':'0'}],'SearchConditionExpression':'color = :c',"
                + "'ExpressionAttributeValues':{':c':{'S':'red'}}}"))
                .isInstanceOf(ApiException.class)
                .hasMessage("SearchConditionExpression must have all HASH attributes in configured SearchSchema");
    }
}
