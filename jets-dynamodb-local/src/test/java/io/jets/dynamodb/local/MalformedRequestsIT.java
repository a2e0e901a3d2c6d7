package io.jets.dynamodb.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Requests no client means to send: valid requests of every operation with one to three members replaced by a
 * value of another type or shape, removed, doubled, cut short or salted with expression punctuation, from a fixed
 * seed. Whatever arrives, the server answers 200 or a client error in DynamoDB's shape (an {@code __type} and a
 * message, no Java internals), never a 500, and what it stored before is still there to be read.
 */
class MalformedRequestsIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";
    private static final String KEY = "{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"1\"}}";
    private static final String KINESIS_STREAM = "arn:aws:kinesis:us-east-1:000000000000:stream/fuzz-changes";
    private static final String ITEM = "{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"1\"},\"g\":{\"S\":\"g1\"},"
            + "\"a\":{\"L\":[{\"N\":\"1\"},{\"BS\":[\"AQ==\"]}]},\"m\":{\"M\":{\"x\":{\"BOOL\":true},\"y\":{\"NULL\":true}}}}";

    /** One valid request per operation and shape, on tables fuzz_items (keys, a GSI, an LSI, a stream) and fuzz_plain. */
    private static final List<Map.Entry<String, String>> VALID = List.of(
            Map.entry(DYNAMODB + "PutItem", "{\"TableName\":\"fuzz_items\",\"Item\":" + ITEM + ","
                    + "\"ConditionExpression\":\"attribute_not_exists(#p) OR size(#a) > :z\","
                    + "\"ExpressionAttributeNames\":{\"#p\":\"pk\",\"#a\":\"a\"},"
                    + "\"ExpressionAttributeValues\":{\":z\":{\"N\":\"0\"}},\"ReturnValues\":\"ALL_OLD\","
                    + "\"ReturnConsumedCapacity\":\"INDEXES\",\"ReturnItemCollectionMetrics\":\"SIZE\","
                    + "\"ReturnValuesOnConditionCheckFailure\":\"ALL_OLD\"}"),
            Map.entry(DYNAMODB + "GetItem", "{\"TableName\":\"fuzz_items\",\"Key\":" + KEY + ","
                    + "\"ProjectionExpression\":\"#a[0], m.x, pk\",\"ExpressionAttributeNames\":{\"#a\":\"a\"},"
                    + "\"ConsistentRead\":true,\"ReturnConsumedCapacity\":\"TOTAL\"}"),
            Map.entry(DYNAMODB + "UpdateItem", "{\"TableName\":\"fuzz_items\",\"Key\":" + KEY + ","
                    + "\"UpdateExpression\":\"SET #a[0] = :v, n = if_not_exists(n, :z) + :one,"
                    + " q = list_append(if_not_exists(q, :e), :l) REMOVE m.y ADD s :ss DELETE t :ss\","
                    + "\"ConditionExpression\":\"begins_with(g, :g) AND n BETWEEN :z AND :big\","
                    + "\"ExpressionAttributeNames\":{\"#a\":\"a\"},\"ExpressionAttributeValues\":{"
                    + "\":v\":{\"S\":\"v\"},\":z\":{\"N\":\"0\"},\":one\":{\"N\":\"1\"},\":e\":{\"L\":[]},"
                    + "\":l\":{\"L\":[{\"S\":\"x\"}]},\":ss\":{\"SS\":[\"a\"]},\":g\":{\"S\":\"g\"},"
                    + "\":big\":{\"N\":\"1e10\"}},\"ReturnValues\":\"UPDATED_NEW\"}"),
            Map.entry(DYNAMODB + "UpdateItem", "{\"TableName\":\"fuzz_plain\",\"Key\":{\"id\":{\"S\":\"i1\"}},"
                    + "\"AttributeUpdates\":{\"c\":{\"Action\":\"ADD\",\"Value\":{\"N\":\"1\"}},"
                    + "\"m\":{\"Action\":\"DELETE\"}},\"Expected\":{\"s\":{\"ComparisonOperator\":\"CONTAINS\","
                    + "\"AttributeValueList\":[{\"N\":\"1\"}]}},\"ReturnValues\":\"ALL_NEW\"}"),
            Map.entry(DYNAMODB + "DeleteItem", "{\"TableName\":\"fuzz_items\",\"Key\":{\"pk\":{\"S\":\"p2\"},"
                    + "\"sk\":{\"N\":\"2\"}},\"ConditionExpression\":\"attribute_type(a, :t) OR contains(a, :x)\","
                    + "\"ExpressionAttributeValues\":{\":t\":{\"S\":\"L\"},\":x\":{\"N\":\"1\"}},"
                    + "\"ReturnValues\":\"ALL_OLD\"}"),
            Map.entry(DYNAMODB + "Query", "{\"TableName\":\"fuzz_items\","
                    + "\"KeyConditionExpression\":\"pk = :p AND sk BETWEEN :a AND :b\","
                    + "\"FilterExpression\":\"NOT (n IN (:a, :b)) AND size(a) >= :a\","
                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p0\"},\":a\":{\"N\":\"0\"},\":b\":{\"N\":\"100\"}},"
                    + "\"Limit\":3,\"ScanIndexForward\":false,\"ExclusiveStartKey\":{\"pk\":{\"S\":\"p0\"},"
                    + "\"sk\":{\"N\":\"99\"}},\"ProjectionExpression\":\"pk, sk, a[1].x\","
                    + "\"Select\":\"SPECIFIC_ATTRIBUTES\"}"),
            Map.entry(DYNAMODB + "Query", "{\"TableName\":\"fuzz_items\",\"IndexName\":\"by_g\","
                    + "\"KeyConditions\":{\"g\":{\"ComparisonOperator\":\"EQ\",\"AttributeValueList\":[{\"S\":\"g1\"}]}},"
                    + "\"QueryFilter\":{\"a\":{\"ComparisonOperator\":\"NOT_NULL\"}},"
                    + "\"Select\":\"ALL_PROJECTED_ATTRIBUTES\",\"Limit\":5}"),
            Map.entry(DYNAMODB + "Query", "{\"TableName\":\"fuzz_items\",\"IndexName\":\"by_l\","
                    + "\"KeyConditionExpression\":\"pk = :p AND l > :b\","
                    + "\"ExpressionAttributeValues\":{\":p\":{\"S\":\"p0\"},\":b\":{\"B\":\"AA==\"}},\"Select\":\"COUNT\"}"),
            Map.entry(DYNAMODB + "Scan", "{\"TableName\":\"fuzz_items\",\"Segment\":1,\"TotalSegments\":3,"
                    + "\"FilterExpression\":\"attribute_exists(g) AND sk <> :z\","
                    + "\"ExpressionAttributeValues\":{\":z\":{\"N\":\"3\"}},\"Limit\":7,"
                    + "\"ExclusiveStartKey\":{\"pk\":{\"S\":\"p1\"},\"sk\":{\"N\":\"4\"}}}"),
            Map.entry(DYNAMODB + "Scan", "{\"TableName\":\"fuzz_plain\",\"ScanFilter\":{\"s\":{"
                    + "\"ComparisonOperator\":\"CONTAINS\",\"AttributeValueList\":[{\"N\":\"2\"}]},"
                    + "\"id\":{\"ComparisonOperator\":\"BEGINS_WITH\",\"AttributeValueList\":[{\"S\":\"i\"}]}},"
                    + "\"ConditionalOperator\":\"OR\",\"AttributesToGet\":[\"id\",\"s\"]}"),
            Map.entry(DYNAMODB + "BatchGetItem", "{\"RequestItems\":{\"fuzz_items\":{\"Keys\":[" + KEY + ","
                    + "{\"pk\":{\"S\":\"p0\"},\"sk\":{\"N\":\"0\"}}],\"ProjectionExpression\":\"pk,#s\","
                    + "\"ExpressionAttributeNames\":{\"#s\":\"sk\"}},\"fuzz_plain\":{\"Keys\":[{\"id\":{\"S\":\"i1\"}}],"
                    + "\"ConsistentRead\":true}},\"ReturnConsumedCapacity\":\"TOTAL\"}"),
            Map.entry(DYNAMODB + "BatchWriteItem", "{\"RequestItems\":{\"fuzz_items\":[{\"PutRequest\":{\"Item\":"
                    + ITEM + "}},{\"DeleteRequest\":{\"Key\":{\"pk\":{\"S\":\"p0\"},\"sk\":{\"N\":\"3\"}}}}],"
                    + "\"fuzz_plain\":[{\"PutRequest\":{\"Item\":{\"id\":{\"S\":\"z\"}}}}]},"
                    + "\"ReturnConsumedCapacity\":\"INDEXES\",\"ReturnItemCollectionMetrics\":\"SIZE\"}"),
            Map.entry(DYNAMODB + "TransactWriteItems", "{\"TransactItems\":[{\"Put\":{\"TableName\":\"fuzz_plain\","
                    + "\"Item\":{\"id\":{\"S\":\"tx\"}},\"ConditionExpression\":\"attribute_not_exists(id)\"}},"
                    + "{\"Update\":{\"TableName\":\"fuzz_items\",\"Key\":" + KEY + ",\"UpdateExpression\":\"SET z = :z\","
                    + "\"ExpressionAttributeValues\":{\":z\":{\"N\":\"1\"}}}},{\"ConditionCheck\":{"
                    + "\"TableName\":\"fuzz_plain\",\"Key\":{\"id\":{\"S\":\"i2\"}},"
                    + "\"ConditionExpression\":\"attribute_exists(id)\"}},{\"Delete\":{\"TableName\":\"fuzz_plain\","
                    + "\"Key\":{\"id\":{\"S\":\"i3\"}}}}],\"ClientRequestToken\":\"token\","
                    + "\"ReturnConsumedCapacity\":\"TOTAL\"}"),
            Map.entry(DYNAMODB + "TransactGetItems", "{\"TransactItems\":[{\"Get\":{\"TableName\":\"fuzz_items\","
                    + "\"Key\":" + KEY + ",\"ProjectionExpression\":\"pk\"}},{\"Get\":{\"TableName\":\"fuzz_plain\","
                    + "\"Key\":{\"id\":{\"S\":\"i1\"}}}}]}"),
            Map.entry(DYNAMODB + "ExecuteStatement", "{\"Statement\":\"SELECT pk, a[0] FROM \\\"fuzz_items\\\""
                    + " WHERE pk = ? AND sk > ?\",\"Parameters\":[{\"S\":\"p1\"},{\"N\":\"0\"}],\"Limit\":2,"
                    + "\"ConsistentRead\":true}"),
            Map.entry(DYNAMODB + "ExecuteStatement", "{\"Statement\":\"UPDATE \\\"fuzz_plain\\\" SET c = c + 1"
                    + " SET m.q = ? WHERE id = 'i4' RETURNING ALL NEW *\",\"Parameters\":[{\"N\":\"3\"}]}"),
            Map.entry(DYNAMODB + "BatchExecuteStatement", "{\"Statements\":[{\"Statement\":"
                    + "\"INSERT INTO fuzz_plain VALUE {'id': ?, 'v': ?}\",\"Parameters\":[{\"S\":\"ins\"},{\"N\":\"1\"}]},"
                    + "{\"Statement\":\"DELETE FROM fuzz_plain WHERE id = 'i5'\"},"
                    + "{\"Statement\":\"SELECT * FROM fuzz_items WHERE pk='p1' AND sk=1\"}]}"),
            Map.entry(DYNAMODB + "ExecuteTransaction", "{\"TransactStatements\":[{\"Statement\":"
                    + "\"UPDATE fuzz_plain SET v = 2 WHERE id = 'i6'\"},"
                    + "{\"Statement\":\"EXISTS(SELECT * FROM fuzz_plain WHERE id = 'i7')\"}],\"ClientRequestToken\":\"t2\"}"),
            Map.entry(DYNAMODB + "DescribeTable", "{\"TableName\":\"fuzz_items\"}"),
            Map.entry(DYNAMODB + "UpdateTable", "{\"TableName\":\"fuzz_plain\",\"ProvisionedThroughput\":{"
                    + "\"ReadCapacityUnits\":6,\"WriteCapacityUnits\":6},\"AttributeDefinitions\":["
                    + "{\"AttributeName\":\"id\",\"AttributeType\":\"S\"},{\"AttributeName\":\"w\",\"AttributeType\":\"N\"}],"
                    + "\"GlobalSecondaryIndexUpdates\":[{\"Create\":{\"IndexName\":\"by_w\",\"KeySchema\":["
                    + "{\"AttributeName\":\"w\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"ALL\"},"
                    + "\"ProvisionedThroughput\":{\"ReadCapacityUnits\":1,\"WriteCapacityUnits\":1}}}]}"),
            Map.entry(DYNAMODB + "CreateTable", "{\"TableName\":\"fuzz_new\",\"AttributeDefinitions\":["
                    + "{\"AttributeName\":\"h\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"h\","
                    + "\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\",\"Tags\":[{\"Key\":\"k\",\"Value\":\"v\"}],"
                    + "\"SSESpecification\":{\"Enabled\":true},\"TableClass\":\"STANDARD\"}"),
            Map.entry(DYNAMODB + "DeleteTable", "{\"TableName\":\"fuzz_new\"}"),
            Map.entry(DYNAMODB + "ListTables", "{\"ExclusiveStartTableName\":\"a\",\"Limit\":2}"),
            Map.entry(DYNAMODB + "UpdateTimeToLive", "{\"TableName\":\"fuzz_plain\",\"TimeToLiveSpecification\":{"
                    + "\"Enabled\":true,\"AttributeName\":\"expires\"}}"),
            Map.entry(DYNAMODB + "TagResource", "{\"ResourceArn\":\"arn:aws:dynamodb:us-east-1:000000000000:table/"
                    + "fuzz_plain\",\"Tags\":[{\"Key\":\"a\",\"Value\":\"b\"}]}"),
            Map.entry(DYNAMODB + "CreateBackup", "{\"TableName\":\"fuzz_plain\",\"BackupName\":\"backup\"}"),
            Map.entry(DYNAMODB + "UpdateContinuousBackups", "{\"TableName\":\"fuzz_plain\","
                    + "\"PointInTimeRecoverySpecification\":{\"PointInTimeRecoveryEnabled\":true}}"),
            Map.entry(DYNAMODB + "EnableKinesisStreamingDestination", "{\"TableName\":\"fuzz_plain\","
                    + "\"StreamArn\":\"" + KINESIS_STREAM + "\",\"EnableKinesisStreamingConfiguration\":{"
                    + "\"ApproximateCreationDateTimePrecision\":\"MICROSECOND\"}}"),
            Map.entry(DYNAMODB + "UpdateKinesisStreamingDestination", "{\"TableName\":\"fuzz_plain\","
                    + "\"StreamArn\":\"" + KINESIS_STREAM + "\",\"UpdateKinesisStreamingConfiguration\":{"
                    + "\"ApproximateCreationDateTimePrecision\":\"MILLISECOND\"}}"),
            Map.entry(DYNAMODB + "DisableKinesisStreamingDestination", "{\"TableName\":\"fuzz_plain\","
                    + "\"StreamArn\":\"" + KINESIS_STREAM + "\"}"),
            Map.entry(DYNAMODB + "DescribeKinesisStreamingDestination", "{\"TableName\":\"fuzz_plain\"}"),
            Map.entry(STREAMS + "ListStreams", "{\"TableName\":\"fuzz_items\",\"Limit\":2}"),
            Map.entry(STREAMS + "DescribeStream", "{\"StreamArn\":\"STREAM_ARN\",\"Limit\":1}"),
            Map.entry(STREAMS + "GetShardIterator", "{\"StreamArn\":\"STREAM_ARN\",\"ShardId\":\"SHARD_ID\","
                    + "\"ShardIteratorType\":\"TRIM_HORIZON\"}"),
            Map.entry(STREAMS + "GetRecords", "{\"ShardIterator\":\"SHARD_ITERATOR\",\"Limit\":5}"),
            Map.entry(DYNAMODB + "SearchVectors", "{\"TableName\":\"fuzz_vectors\",\"IndexName\":\"by_t\","
                    + "\"SearchVector\":[{\"N\":\"1\"},{\"N\":\"0\"}],\"TopK\":3,\"ReturnConsumedCapacity\":\"TOTAL\","
                    + "\"SearchConditionExpression\":\"t = :t AND #c = :c\",\"ProjectionExpression\":\"id, v, #c\","
                    + "\"ExpressionAttributeNames\":{\"#c\":\"c\"},"
                    + "\"ExpressionAttributeValues\":{\":t\":{\"S\":\"t1\"},\":c\":{\"N\":\"1\"}}}"));

    /** Values of every JSON type and of DynamoDB's shapes, good and bad, that replace a member. */
    private static final List<String> STRANGE = List.of("null", "true", "0", "-1", "1.5", "1e400",
            "10000000000000000000000000000000000000000", "\"\"", "\"x\"", "\"\\u0000\"", "\"" + "a".repeat(300) + "\"",
            "\"#a\"", "\":v\"", "\"-0\"", "[]", "[null]", "{}", "{\"S\":\"x\"}", "{\"N\":\"1\"}", "{\"S\":\"a\",\"N\":\"1\"}",
            "{\"SS\":[]}", "{\"NS\":[\"1\",\"1\"]}", "{\"B\":\"@@\"}", "{\"N\":\"1e126\"}", "{\"N\":\"abc\"}",
            "{\"L\":null}", "{\"M\":{\"\":{\"S\":\"x\"}}}", "{\"NULL\":false}", "{\"BOOL\":\"true\"}", "{\"Q\":\"1\"}",
            "{\"a\":{\"b\":{\"c\":{\"d\":[[[[[]]]]]}}}}", "\"pk = :p\"", "\"SET\"", "\"SET a = \"", "\"a.b[\"",
            "\"a[99999999999]\"", "\"size(\"", "\"attribute_exists(a) AND\"", "\"((((((((((a=:v))))))))))\"",
            "\"REMOVE a, a\"", "\"SELECT * FROM\"", "\"'\"", "\"ALL_NEW\"", "\"INDEXES\"", "\"NEW_IMAGE\"", "\"HASH\"");
    private static final List<String> PUNCTUATION = List.of("(", ")", ",", ".", "[0]", "#", "#x", ":", "::", " AND ",
            " ", "\u00e9", "\uD83D\uDE00", "'", "\"");

    @BeforeAll
    static void tables() throws Exception {
        call(DYNAMODB + "CreateTable", "{\"TableName\":\"fuzz_items\",\"AttributeDefinitions\":["
                + "{\"AttributeName\":\"pk\",\"AttributeType\":\"S\"},{\"AttributeName\":\"sk\",\"AttributeType\":\"N\"},"
                + "{\"AttributeName\":\"g\",\"AttributeType\":\"S\"},{\"AttributeName\":\"l\",\"AttributeType\":\"B\"}],"
                + "\"KeySchema\":[{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"sk\",\"KeyType\":\"RANGE\"}],"
                + "\"BillingMode\":\"PAY_PER_REQUEST\",\"GlobalSecondaryIndexes\":[{\"IndexName\":\"by_g\",\"KeySchema\":["
                + "{\"AttributeName\":\"g\",\"KeyType\":\"HASH\"}],\"Projection\":{\"ProjectionType\":\"INCLUDE\","
                + "\"NonKeyAttributes\":[\"a\"]}}],\"LocalSecondaryIndexes\":[{\"IndexName\":\"by_l\",\"KeySchema\":["
                + "{\"AttributeName\":\"pk\",\"KeyType\":\"HASH\"},{\"AttributeName\":\"l\",\"KeyType\":\"RANGE\"}],"
                + "\"Projection\":{\"ProjectionType\":\"KEYS_ONLY\"}}],\"StreamSpecification\":{\"StreamEnabled\":true,"
                + "\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"}}");
        call(DYNAMODB + "CreateTable", "{\"TableName\":\"fuzz_plain\",\"AttributeDefinitions\":["
                + "{\"AttributeName\":\"id\",\"AttributeType\":\"S\"}],\"KeySchema\":[{\"AttributeName\":\"id\","
                + "\"KeyType\":\"HASH\"}],\"ProvisionedThroughput\":{\"ReadCapacityUnits\":5,\"WriteCapacityUnits\":5}}");
        for (int i = 0; i < 20; i++) {
            String id = "i" + i;
            client.putItem(b -> b.tableName("fuzz_plain").item(Map.of("id", AttributeValue.fromS(id),
                    "s", AttributeValue.fromNs(List.of("1", "2")))));
        }
        for (int i = 0; i < 20; i++) {
            int n = i;
            client.putItem(b -> b.tableName("fuzz_items").item(Map.of("pk", AttributeValue.fromS("p" + n % 3),
                    "sk", AttributeValue.fromN(Integer.toString(n)), "g", AttributeValue.fromS("g" + n % 2),
                    "l", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})),
                    "a", AttributeValue.fromL(List.of(AttributeValue.fromN("1"))))));
        }
        call(DYNAMODB + "CreateTable", "{\"TableName\":\"fuzz_vectors\",\"AttributeDefinitions\":["
                + "{\"AttributeName\":\"id\",\"AttributeType\":\"S\"},{\"AttributeName\":\"t\",\"AttributeType\":\"S\"},"
                + "{\"AttributeName\":\"c\",\"AttributeType\":\"N\"}],\"KeySchema\":[{\"AttributeName\":\"id\","
                + "\"KeyType\":\"HASH\"}],\"BillingMode\":\"PAY_PER_REQUEST\",\"VectorIndexes\":[{\"IndexName\":\"by_t\","
                + "\"VectorAttribute\":{\"AttributeName\":\"v\"},\"Dimensions\":2,\"DistanceFunction\":\"COSINE\","
                + "\"Projection\":{\"ProjectionType\":\"ALL\"},\"SearchSchema\":[{\"AttributeName\":\"t\","
                + "\"SearchSchemaElementType\":\"HASH\"},{\"AttributeName\":\"c\",\"SearchSchemaElementType\":"
                + "\"INLINE_FILTER\"}]}]}");
        for (int i = 0; i < 10; i++) {
            int n = i;
            client.putItem(b -> b.tableName("fuzz_vectors").item(Map.of("id", AttributeValue.fromS("v" + n),
                    "t", AttributeValue.fromS("t" + n % 2), "c", AttributeValue.fromN(Integer.toString(n % 3)),
                    "v", AttributeValue.fromL(List.of(AttributeValue.fromN(Integer.toString(n)),
                            AttributeValue.fromN("1"))))));
        }
        // an item no request names: it must come through the storm unchanged
        client.putItem(b -> b.tableName("fuzz_items").item(Map.of("pk", AttributeValue.fromS("keep"),
                "sk", AttributeValue.fromN("7"), "v", AttributeValue.fromS("untouched"))));
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void mutatedRequests_areAnsweredAsClientErrorsOrServed_neverWithA500(long seed) throws Exception {
        sendMutatedRequests(seed);
        assertThat(client.getItem(b -> b.tableName("fuzz_items").consistentRead(true).key(Map.of(
                "pk", AttributeValue.fromS("keep"), "sk", AttributeValue.fromN("7")))).item())
                .containsEntry("v", AttributeValue.fromS("untouched"));
    }

    @Test
    void afterMalformedRequests_theTablesIndexesAndStreamStillAnswer() throws Exception {
        sendMutatedRequests(4);
        assertThat(client.scanPaginator(b -> b.tableName("fuzz_items")).items()).isNotEmpty();
        assertThat(client.queryPaginator(b -> b.tableName("fuzz_items").indexName("by_g")
                .keyConditionExpression("g = :g").expressionAttributeValues(Map.of(":g", AttributeValue.fromS("g1"))))
                .items()).allSatisfy(item -> assertThat(item).containsEntry("g", AttributeValue.fromS("g1")));
        String records = new String(call(STREAMS + "GetRecords", "{\"ShardIterator\":\""
                + streamPlaceholders().get("SHARD_ITERATOR") + "\",\"Limit\":1000}").body(), UTF_8);
        assertThat(JSON.readTree(records).get("Records").size()).isPositive();
    }

    /** 1500 requests, each a valid one with one to three members changed; every answer is checked. */
    private static void sendMutatedRequests(long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, String> stream = streamPlaceholders();
        for (int i = 0; i < 1500; i++) {
            Map.Entry<String, String> valid = VALID.get(random.nextInt(VALID.size()));
            String body = valid.getValue();
            for (Map.Entry<String, String> placeholder : stream.entrySet()) {
                body = body.replace(placeholder.getKey(), placeholder.getValue());
            }
            byte[] request;
            if (random.nextInt(30) == 0) {
                // cut short or broken as JSON
                byte[] bytes = body.getBytes(UTF_8);
                int cut = random.nextInt(bytes.length);
                request = new byte[cut + 1];
                System.arraycopy(bytes, 0, request, 0, cut);
                request[cut] = (byte) "\u00ff}{\u0000".charAt(random.nextInt(4));
            } else {
                JsonNode tree = JSON.readTree(body);
                int changes = 1 + random.nextInt(3);
                for (int c = 0; c < changes; c++) {
                    mutate(tree, random);
                }
                request = JSON.writeValueAsBytes(tree);
            }
            assertAnsweredWell(valid.getKey(), request);
        }
    }

    private static void assertAnsweredWell(String target, byte[] request) throws Exception {
        DynamoDbLocal.Answer answer = local.server().call(target, request);
        String shown = target + " " + new String(request, UTF_8) + " -> " + answer.status() + " "
                + new String(answer.body(), UTF_8);
        assertThat(answer.status()).as(shown).isIn(200, 400, 413);
        if (answer.status() == 200) {
            // TagResource and UntagResource answer an empty body, as DynamoDB does
            assertThat(answer.body().length == 0 || JSON.readTree(answer.body()).isObject()).as(shown).isTrue();
            return;
        }
        JsonNode error = JSON.readTree(answer.body());
        String type = error.path("__type").asText();
        assertThat(type).as(shown).matches("com\\.amazon(aws)?\\.[a-z0-9.]+#[A-Za-z]+Exception");
        JsonNode message = error.has("message") ? error.get("message") : error.get("Message");
        if (!type.endsWith("#SerializationException") && !type.endsWith("#UnknownOperationException")) {
            assertThat(message).as(shown).isNotNull();
        }
        if (message != null) {
            assertThat(message.asText()).as(shown)
                    .doesNotContain("NullPointerException", "\tat ", "IndexOutOfBounds", "Internal server error");
        }
    }

    /** Replaces, removes, doubles, cuts or salts one member somewhere in the request. */
    private static void mutate(JsonNode root, Random random) {
        List<ContainerNode<?>> parents = new ArrayList<>();
        List<Object> keys = new ArrayList<>();
        collect(root, parents, keys);
        if (parents.isEmpty()) {
            return;
        }
        int pick = random.nextInt(parents.size());
        ContainerNode<?> parent = parents.get(pick);
        Object key = keys.get(pick);
        JsonNode current = key instanceof String name ? parent.get(name) : parent.get((Integer) key);
        int action = random.nextInt(10);
        JsonNode replacement;
        if (action < 5) {
            replacement = parse(STRANGE.get(random.nextInt(STRANGE.size())));
        } else if (action < 6 && key instanceof String name) {
            ((ObjectNode) parent).remove(name);
            return;
        } else if (action < 7 && current.isTextual()) {
            String text = current.asText();
            int at = random.nextInt(text.length() + 1);
            replacement = JSON.getNodeFactory().textNode(text.substring(0, at)
                    + PUNCTUATION.get(random.nextInt(PUNCTUATION.size())) + text.substring(at));
        } else if (action < 8 && current.isTextual()) {
            String text = current.asText();
            replacement = JSON.getNodeFactory().textNode(text.substring(0, random.nextInt(text.length() + 1)));
        } else if (action < 9 && parent instanceof ObjectNode object) {
            object.set("Unexpected" + random.nextInt(10), parse(STRANGE.get(random.nextInt(STRANGE.size()))));
            return;
        } else {
            ArrayNode doubled = JSON.createArrayNode();
            if (current.isArray()) {
                doubled.addAll((ArrayNode) current.deepCopy());
                doubled.addAll((ArrayNode) current.deepCopy());
            } else {
                doubled.add(current.deepCopy());
                doubled.add(current.deepCopy());
            }
            replacement = doubled;
        }
        if (key instanceof String name) {
            ((ObjectNode) parent).set(name, replacement);
        } else {
            ((ArrayNode) parent).set((Integer) key, replacement);
        }
    }

    private static void collect(JsonNode node, List<ContainerNode<?>> parents, List<Object> keys) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                parents.add(object);
                keys.add(name);
                collect(object.get(name), parents, keys);
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                parents.add(array);
                keys.add(i);
                collect(array.get(i), parents, keys);
            }
        }
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static Map<String, String> streamPlaceholders() throws Exception {
        JsonNode streams = JSON.readTree(call(STREAMS + "ListStreams", "{\"TableName\":\"fuzz_items\"}").body());
        String arn = streams.get("Streams").get(0).get("StreamArn").asText();
        JsonNode shard = JSON.readTree(call(STREAMS + "DescribeStream", "{\"StreamArn\":\"" + arn + "\"}").body())
                .get("StreamDescription").get("Shards").get(0);
        String shardId = shard.get("ShardId").asText();
        String iterator = JSON.readTree(call(STREAMS + "GetShardIterator", "{\"StreamArn\":\"" + arn
                + "\",\"ShardId\":\"" + shardId + "\",\"ShardIteratorType\":\"TRIM_HORIZON\"}").body())
                .get("ShardIterator").asText();
        return Map.of("STREAM_ARN", arn, "SHARD_ID", shardId, "SHARD_ITERATOR", iterator);
    }

    private static DynamoDbLocal.Answer call(String target, String body) {
        DynamoDbLocal.Answer answer = local.server().call(target, body.getBytes(UTF_8));
        assertThat(answer.status()).as(target + " " + new String(answer.body(), UTF_8)).isEqualTo(200);
        return answer;
    }
}
