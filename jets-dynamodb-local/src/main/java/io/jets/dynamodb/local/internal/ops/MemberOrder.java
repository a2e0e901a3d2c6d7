package io.jets.dynamodb.local.internal.ops;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The order in which DynamoDB lists the constraint failures of one request. It is neither the order of the request
 * nor alphabetical: DynamoDB walks the members of the operation's input in the iteration order of a Java hash map
 * keyed by member name, with as many buckets as a map of that many members has (16 up to 12 members, 32 up to 24).
 * Reproduced from answers recorded from DynamoDB: UpdateItem without a Key lists returnConsumedCapacity, tableName,
 * returnValues, key; Scan lists select, indexName, totalSegments, returnConsumedCapacity, tableName,
 * conditionalOperator, scanFilter, segment, attributesToGet (ten failures at most, so a bad Limit, last, is left
 * out); PutItem lists returnValues before tableName; BatchGetItem lists requestItems before
 * returnConsumedCapacity; ProvisionedThroughput lists writeCapacityUnits before readCapacityUnits; KeySchema
 * elements list attributeName before keyType. (Recordings from before DynamoDB's move to a newer Java, whose hash
 * maps spread keys differently, list some of these in another order.)
 *
 * <p>A failure of a nested member ({@code provisionedThroughput.readCapacityUnits}) takes its top-level member's
 * place; failures of one member keep the order they were found in.
 */
final class MemberOrder {

    static final MemberOrder UPDATE_ITEM = new MemberOrder(List.of("tableName", "key", "attributeUpdates", "expected",
            "conditionalOperator", "returnValues", "returnConsumedCapacity", "returnItemCollectionMetrics",
            "updateExpression", "conditionExpression", "expressionAttributeNames", "expressionAttributeValues",
            "returnValuesOnConditionCheckFailure"));

    static final MemberOrder SCAN = new MemberOrder(List.of("tableName", "indexName", "attributesToGet", "limit",
            "select", "scanFilter", "conditionalOperator", "exclusiveStartKey", "returnConsumedCapacity",
            "totalSegments", "segment", "projectionExpression", "filterExpression", "expressionAttributeNames",
            "expressionAttributeValues", "consistentRead"));

    static final MemberOrder GET_ITEM = new MemberOrder(List.of("tableName", "key", "attributesToGet",
            "consistentRead", "returnConsumedCapacity", "projectionExpression", "expressionAttributeNames"));

    static final MemberOrder PUT_ITEM = new MemberOrder(List.of("tableName", "item", "expected", "returnValues",
            "returnConsumedCapacity", "returnItemCollectionMetrics", "conditionalOperator", "conditionExpression",
            "expressionAttributeNames", "expressionAttributeValues", "returnValuesOnConditionCheckFailure"));

    static final MemberOrder DELETE_ITEM = new MemberOrder(List.of("tableName", "key", "expected",
            "conditionalOperator", "returnValues", "returnConsumedCapacity", "returnItemCollectionMetrics",
            "conditionExpression", "expressionAttributeNames", "expressionAttributeValues",
            "returnValuesOnConditionCheckFailure"));

    static final MemberOrder TRANSACT_WRITE_ITEMS = new MemberOrder(List.of("transactItems",
            "returnConsumedCapacity", "returnItemCollectionMetrics", "clientRequestToken"));

    static final MemberOrder BATCH_GET_ITEM = new MemberOrder(List.of("requestItems", "returnConsumedCapacity"));

    /** EnableKinesisStreamingDestination and DisableKinesisStreamingDestination. */
    static final MemberOrder KINESIS_DESTINATION = new MemberOrder(List.of("tableName", "streamArn",
            "enableKinesisStreamingConfiguration"));

    static final MemberOrder UPDATE_KINESIS_DESTINATION = new MemberOrder(List.of("tableName", "streamArn",
            "updateKinesisStreamingConfiguration"));

    private final Map<String, Integer> ranks = new HashMap<>();

    /** {@code members}: the operation's input members, in the order the API declares them. */
    private MemberOrder(List<String> members) {
        int buckets = 16;
        while (members.size() > buckets * 3 / 4) {
            buckets *= 2;
        }
        int mask = buckets - 1;
        List<String> ordered = new ArrayList<>(members);
        // stable: members sharing a bucket keep the order they were declared (and so inserted) in
        ordered.sort(Comparator.comparingInt(member -> spread(member.hashCode()) & mask));
        for (int i = 0; i < ordered.size(); i++) {
            ranks.put(ordered.get(i), i);
        }
    }

    /** HashMap's spreading of a key's hash over its buckets. */
    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** Orders failure messages ({@code ... at 'member.path' failed ...}) by their top-level member. */
    List<String> sort(List<String> violations) {
        List<String> sorted = new ArrayList<>(violations);
        sorted.sort(Comparator.comparingInt(violation -> ranks.getOrDefault(member(violation), Integer.MAX_VALUE)));
        return sorted;
    }

    private static String member(String violation) {
        int start = violation.indexOf(" at '") + 5;
        int end = violation.indexOf('\'', start);
        String path = start < 5 || end < 0 ? "" : violation.substring(start, end);
        int dot = path.indexOf('.');
        String top = dot < 0 ? path : path.substring(0, dot);
        return top.isEmpty() ? top : Character.toLowerCase(top.charAt(0)) + top.substring(1);
    }
}
