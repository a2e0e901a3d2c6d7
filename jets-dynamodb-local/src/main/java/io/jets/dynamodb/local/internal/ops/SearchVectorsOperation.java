package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.ExpressionContext;
import io.jets.dynamodb.local.internal.expr.ExpressionParameters;
import io.jets.dynamodb.local.internal.expr.Expressions;
import io.jets.dynamodb.local.internal.expr.Projection;
import io.jets.dynamodb.local.internal.expr.SearchCondition;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore.Entry;
import io.jets.dynamodb.local.internal.storage.IndexEntryStore.Position;
import io.jets.dynamodb.local.internal.storage.KeyEncoding;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.SearchSchemaElement;
import io.jets.dynamodb.local.internal.table.TableDefinition.VectorIndexDefinition;
import io.jets.dynamodb.local.internal.table.VectorValues;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * SearchVectors: the {@code TopK} items of one vector index partition closest to a search vector, best first,
 * each with its score. What needs no table is checked before the table and index are looked up — the members'
 * constraints, TopK's range (DynamoDB refuses TopK 101 for a table that does not exist), the search vector's values
 * (refused ahead of its dimension), the expressions — then the vector's dimension and the search schema rules.
 * Every entry of the partition is scored (an exact search: DynamoDB's is approximate, so it can only ever return
 * fewer of the true nearest items), inline filters are applied before ranking, and ties keep the index's order of
 * the items' table keys, so answers are repeatable.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SearchVectors.html">SearchVectors</a>
 */
public final class SearchVectorsOperation {

    private static final int MAX_TOP_K = 100;
    private static final int CHUNK = 512;
    private static final byte[] EMPTY = new byte[0];
    private static final Set<String> RETURN_CONSUMED_CAPACITY = Set.of("INDEXES", "TOTAL", "NONE");

    private final Database database;
    private final TableCatalog catalog;
    private final IndexEntryStore entries = new IndexEntryStore();
    private final OnlineIndexes online;

    public SearchVectorsOperation(Database database, TableCatalog catalog, OnlineIndexes online) {
        this.database = database;
        this.catalog = catalog;
        this.online = online;
    }

    /** A scored item; {@code order} is its place in the index, which breaks ties. */
    private record Hit(ObjectNode item, float score, long order) {
    }

    public ObjectNode searchVectors(ObjectNode request) {
        JsonNode searchVector = request.get("SearchVector");
        new Constraints().itemTableName("tableName", request.get("TableName"))
                .tableName("indexName", request.get("IndexName"))
                .length("searchVector", searchVector, 1, VectorIndexes.MAX_DIMENSIONS)
                .range("topK", request.get("TopK"), 1, Integer.MAX_VALUE)
                .oneOf("returnConsumedCapacity", request.get("ReturnConsumedCapacity"), RETURN_CONSUMED_CAPACITY,
                        "[INDEXES, TOTAL, NONE]")
                .check();
        int topK = request.get("TopK").asInt();
        if (topK > MAX_TOP_K) {
            throw ApiException.validation("Provided TopK value '" + topK + "' is out of valid range. The value must be"
                    + " between 1 and " + MAX_TOP_K + " inclusive");
        }
        float[] searched = SearchVectorValues.parse(searchVector);
        ExpressionParameters.check(request, List.of("ProjectionExpression", "SearchConditionExpression"));
        ExpressionContext context = ExpressionContext.of(Json.objectOrNull(request, "ExpressionAttributeNames"),
                Json.objectOrNull(request, "ExpressionAttributeValues"));
        String conditionText = Json.text(request, "SearchConditionExpression");
        SearchCondition condition = conditionText == null ? null : SearchCondition.parse(conditionText, context);
        String projectionText = Json.text(request, "ProjectionExpression");
        Projection projection = projectionText == null ? null : Expressions.projection(projectionText, context);
        context.verifyAllUsed();

        TableDefinition table = catalog.require(Json.text(request, "TableName"));
        String indexName = Json.text(request, "IndexName");
        VectorIndexDefinition index = table.vectorIndex(indexName);
        if (index == null) {
            throw ApiException.validation("The table does not have the specified index: " + indexName);
        }
        online.checkReadable(table, indexName, OnlineIndexes.Reader.SEARCH_VECTORS);
        if (searched.length != index.dimensions()) {
            throw ApiException.validation("Input search vector dimension " + searched.length + " does not match"
                    + " vector index dimension " + index.dimensions());
        }
        byte[] partition = partition(index, condition);
        if (partition == null) {
            return respond(request, table, index, projection, List.of());
        }
        VectorDistance distance = VectorDistance.of(index.distanceFunction());
        List<Hit> hits = database.read(connection -> {
            // the worst of the best so far on top, to be dropped when a closer item comes
            Comparator<Hit> closerFirst = (a, b) -> {
                int byScore = distance.compare(a.score(), b.score());
                return byScore != 0 ? byScore : Long.compare(a.order(), b.order());
            };
            PriorityQueue<Hit> best = new PriorityQueue<>(closerFirst.reversed());
            Position after = null;
            long order = 0;
            while (true) {
                List<Entry> chunk = entries.partition(connection, table.id(), index.name(), partition, null, null,
                        after, true, CHUNK);
                for (Entry entry : chunk) {
                    ObjectNode item = entry.row().item();
                    float[] stored = VectorValues.floats(item.get(index.vectorAttribute()), searched.length);
                    if (stored == null || (condition != null && !condition.test(item))) {
                        continue;
                    }
                    best.add(new Hit(item, distance.score(stored, searched), order++));
                    if (best.size() > topK) {
                        best.poll();
                    }
                }
                if (chunk.size() < CHUNK) {
                    break;
                }
                after = chunk.get(chunk.size() - 1).position();
            }
            List<Hit> ranked = new ArrayList<>(best);
            ranked.sort(closerFirst);
            return ranked;
        });
        return respond(request, table, index, projection, hits);
    }

    /**
     * The partition the search reads: the HASH value of the condition when the index has a HASH attribute (which
     * the condition must then name), else the index's only partition; null when the value is one no HASH attribute
     * can hold, so that no item matches. Every attribute of the condition must be in the search schema.
     */
    private static byte[] partition(VectorIndexDefinition index, SearchCondition condition) {
        String hash = index.hashAttribute();
        if (condition == null) {
            if (hash != null) {
                throw ApiException.validation("SearchConditionExpression must be provided when SearchSchema has a"
                        + " HASH key");
            }
            return EMPTY;
        }
        for (SearchCondition.Equality equality : condition.equalities()) {
            boolean inSchema = index.searchSchema().stream()
                    .map(SearchSchemaElement::attributeName).anyMatch(equality.attribute()::equals);
            if (!inSchema) {
                throw ApiException.validation("SearchConditionExpression must not contain any attributes that is not"
                        + " in SearchSchema. Invalid attribute: " + equality.attribute());
            }
        }
        if (hash == null) {
            return EMPTY;
        }
        JsonNode value = condition.valueOf(hash);
        if (value == null) {
            throw ApiException.validation("SearchConditionExpression must have all HASH attributes in configured"
                    + " SearchSchema");
        }
        try {
            return KeyEncoding.encode(value);
        } catch (IllegalArgumentException notScalar) {
            // a list, map, set or boolean is never the value of a HASH attribute, which is S, N or B
            return null;
        }
    }

    private static ObjectNode respond(ObjectNode request, TableDefinition table, VectorIndexDefinition index,
                                      Projection projection, List<Hit> hits) {
        ObjectNode response = Json.object();
        ArrayNode results = response.putArray("SearchResults");
        double bytes = 0;
        for (Hit hit : hits) {
            ObjectNode held = SearchVectorValues.asIndexed(table, index, hit.item());
            ObjectNode item;
            if (projection == null) {
                item = held.deepCopy();
                item.remove(index.vectorAttribute());
            } else {
                item = projection.apply(held);
            }
            ObjectNode result = results.addObject();
            result.set("Item", item);
            result.put("Score", (double) hit.score());
            bytes += SearchCapacity.perResult(index, held, item);
        }
        if (Capacity.requested(request)) {
            double consumed = SearchCapacity.total(index, bytes);
            response.putObject("ConsumedCapacity").put("VectorSearchRequestBytes", consumed)
                    .put("VectorSearchUnits", consumed);
        }
        return response;
    }
}
