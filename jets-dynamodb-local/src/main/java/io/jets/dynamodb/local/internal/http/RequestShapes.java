package io.jets.dynamodb.local.internal.http;

import static io.jets.dynamodb.local.internal.http.WireShape.MODEL;
import static io.jets.dynamodb.local.internal.http.WireShape.Scalar.BLOB;
import static io.jets.dynamodb.local.internal.http.WireShape.Scalar.BOOLEAN;
import static io.jets.dynamodb.local.internal.http.WireShape.Scalar.INTEGER;
import static io.jets.dynamodb.local.internal.http.WireShape.Scalar.LONG;
import static io.jets.dynamodb.local.internal.http.WireShape.Scalar.STRING;
import static io.jets.dynamodb.local.internal.http.WireShape.list;
import static io.jets.dynamodb.local.internal.http.WireShape.map;
import static java.util.Map.entry;

import io.jets.dynamodb.local.internal.http.WireShape.Structure;
import java.util.Map;
import java.util.Set;

/**
 * The wire types of the request members DynamoDB's operations take, by member name: a name means the same type in
 * every operation and every action of a batch or transaction, except the few structures (tags, legacy conditions,
 * index updates) that hold members of their own, and TransactItems and RequestItems, whose element type depends on
 * the operation.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Types_Amazon_DynamoDB.html">DynamoDB
 *     data types</a>
 */
final class RequestShapes {

    private static final Structure ATTRIBUTE_VALUE = new Structure("AttributeValue",
            name -> RequestShapes.ATTRIBUTE_VALUE_MEMBERS.get(name));

    private static final WireShape ITEM = map(ATTRIBUTE_VALUE, MODEL + "AttributeValue");
    private static final WireShape ATTRIBUTE_VALUE_LIST = list(ATTRIBUTE_VALUE);
    private static final WireShape KEY_SCHEMA = list(Structure.of("KeySchemaElement",
            Map.of("AttributeName", STRING, "KeyType", STRING)));
    private static final WireShape PROJECTION = Structure.of("Projection",
            Map.of("ProjectionType", STRING, "NonKeyAttributes", list(STRING)));
    private static final WireShape THROUGHPUT = Structure.of("ProvisionedThroughput",
            Map.of("ReadCapacityUnits", LONG, "WriteCapacityUnits", LONG));

    private static final Map<String, WireShape> VECTOR_INDEX_MEMBERS = Map.of("IndexName", STRING,
            "VectorAttribute", Structure.of("VectorAttributeDefinition", Map.of("AttributeName", STRING)),
            "SearchSchema", list(Structure.of("SearchSchemaElement",
                    Map.of("AttributeName", STRING, "SearchSchemaElementType", STRING))),
            "Projection", PROJECTION, "Dimensions", LONG, "DistanceFunction", STRING);
    private static final Structure VECTOR_INDEX = Structure.of("VectorIndex", VECTOR_INDEX_MEMBERS);

    private static final Map<String, WireShape> ATTRIBUTE_VALUE_MEMBERS = Map.of("S", STRING, "N", STRING,
            "B", BLOB, "BOOL", BOOLEAN, "NULL", BOOLEAN, "SS", list(STRING), "NS", list(STRING), "BS", list(BLOB),
            "L", ATTRIBUTE_VALUE_LIST, "M", ITEM);

    private static final Map<String, WireShape> REQUEST_MEMBERS = Map.ofEntries(
            entry("TableName", STRING), entry("IndexName", STRING), entry("Select", STRING),
            entry("ReturnValues", STRING), entry("ReturnConsumedCapacity", STRING),
            entry("ReturnItemCollectionMetrics", STRING), entry("ReturnValuesOnConditionCheckFailure", STRING),
            entry("ConditionExpression", STRING), entry("FilterExpression", STRING),
            entry("KeyConditionExpression", STRING), entry("ProjectionExpression", STRING),
            entry("UpdateExpression", STRING), entry("ConditionalOperator", STRING),
            entry("ExclusiveStartTableName", STRING), entry("BillingMode", STRING),
            entry("ClientRequestToken", STRING), entry("Statement", STRING), entry("NextToken", STRING),
            entry("ResourceArn", STRING), entry("TagKeys", list(STRING)),
            entry("Limit", INTEGER), entry("Segment", INTEGER), entry("TotalSegments", INTEGER),
            entry("TableClass", STRING), entry("ConsistentRead", BOOLEAN), entry("ScanIndexForward", BOOLEAN),
            entry("DeletionProtectionEnabled", BOOLEAN),
            entry("ExpressionAttributeNames", map(STRING, "java.lang.String")),
            entry("Item", ITEM), entry("Key", ITEM), entry("ExclusiveStartKey", ITEM),
            entry("ExpressionAttributeValues", ITEM), entry("Keys", list(ITEM)),
            entry("Parameters", ATTRIBUTE_VALUE_LIST), entry("AttributesToGet", list(STRING)),
            entry("Expected", map(Structure.of("ExpectedAttributeValue", Map.of("Exists", BOOLEAN,
                    "Value", ATTRIBUTE_VALUE, "ComparisonOperator", STRING,
                    "AttributeValueList", ATTRIBUTE_VALUE_LIST)), MODEL + "ExpectedAttributeValue")),
            entry("AttributeUpdates", map(Structure.of("AttributeValueUpdate", Map.of("Action", STRING,
                    "Value", ATTRIBUTE_VALUE)), MODEL + "AttributeValueUpdate")),
            entry("KeyConditions", conditions()), entry("QueryFilter", conditions()),
            entry("ScanFilter", conditions()),
            entry("TimeToLiveSpecification", Structure.of("TimeToLiveSpecification",
                    Map.of("AttributeName", STRING, "Enabled", BOOLEAN))),
            entry("Tags", list(Structure.of("Tag", Map.of("Key", STRING, "Value", STRING)))),
            entry("AttributeDefinitions", list(Structure.of("AttributeDefinition",
                    Map.of("AttributeName", STRING, "AttributeType", STRING)))),
            entry("KeySchema", KEY_SCHEMA), entry("ProvisionedThroughput", THROUGHPUT),
            entry("LocalSecondaryIndexes", list(Structure.of("LocalSecondaryIndex",
                    Map.of("IndexName", STRING, "KeySchema", KEY_SCHEMA, "Projection", PROJECTION)))),
            entry("GlobalSecondaryIndexes", list(Structure.of("GlobalSecondaryIndex",
                    Map.of("IndexName", STRING, "KeySchema", KEY_SCHEMA, "Projection", PROJECTION,
                            "ProvisionedThroughput", THROUGHPUT)))),
            entry("VectorIndexes", list(VECTOR_INDEX)), entry("VectorIndexOverride", list(VECTOR_INDEX)),
            entry("VectorIndexUpdates", list(Structure.of("VectorIndexUpdate", Map.of("Create",
                    Structure.of("CreateVectorIndexAction", VECTOR_INDEX_MEMBERS),
                    "Delete", Structure.of("DeleteVectorIndexAction", Map.of("IndexName", STRING)))))),
            entry("StreamSpecification", Structure.of("StreamSpecification",
                    Map.of("StreamEnabled", BOOLEAN, "StreamViewType", STRING))),
            entry("EnableKinesisStreamingConfiguration", Structure.of("EnableKinesisStreamingConfiguration",
                    Map.of("ApproximateCreationDateTimePrecision", STRING))),
            entry("UpdateKinesisStreamingConfiguration", Structure.of("UpdateKinesisStreamingConfiguration",
                    Map.of("ApproximateCreationDateTimePrecision", STRING))),
            entry("Statements", list(Structure.of("BatchStatementRequest", Map.of("Statement", STRING,
                    "Parameters", ATTRIBUTE_VALUE_LIST, "ConsistentRead", BOOLEAN,
                    "ReturnValuesOnConditionCheckFailure", STRING)))),
            entry("TransactStatements", list(Structure.of("ParameterizedStatement", Map.of("Statement", STRING,
                    "Parameters", ATTRIBUTE_VALUE_LIST, "ReturnValuesOnConditionCheckFailure", STRING)))));

    /** Each action of a transaction and each table of a BatchGetItem carries the members of a single-item request. */
    private static final WireShape TRANSACT_WRITE_ITEMS = list(Structure.of("TransactWriteItem",
            Map.of("Put", action("Put"), "Update", action("Update"), "Delete", action("Delete"),
                    "ConditionCheck", action("ConditionCheck"))));
    private static final WireShape TRANSACT_GET_ITEMS = list(Structure.of("TransactGetItem",
            Map.of("Get", action("Get"))));
    private static final WireShape BATCH_GET_ITEMS = map(action("KeysAndAttributes"), MODEL + "KeysAndAttributes");
    private static final WireShape BATCH_WRITE_ITEMS = map(list(Structure.of("WriteRequest",
            Map.of("PutRequest", Structure.of("PutRequest", Map.of("Item", ITEM)),
                    "DeleteRequest", Structure.of("DeleteRequest", Map.of("Key", ITEM))))),
            "java.util.List<" + MODEL + "WriteRequest>");
    private static final WireShape INDEX_UPDATES = list(Structure.of("GlobalSecondaryIndexUpdate", Map.of(
            "Create", Structure.of("CreateGlobalSecondaryIndexAction", Map.of("IndexName", STRING,
                    "KeySchema", KEY_SCHEMA, "Projection", PROJECTION, "ProvisionedThroughput", THROUGHPUT)),
            "Update", Structure.of("UpdateGlobalSecondaryIndexAction", Map.of("IndexName", STRING,
                    "ProvisionedThroughput", THROUGHPUT)),
            "Delete", Structure.of("DeleteGlobalSecondaryIndexAction", Map.of("IndexName", STRING)))));

    private static final Set<String> KINESIS_DESTINATION_OPERATIONS = Set.of("EnableKinesisStreamingDestination",
            "DisableKinesisStreamingDestination", "UpdateKinesisStreamingDestination");

    private RequestShapes() {
    }

    /** The request of {@code target}, e.g. {@code DynamoDB_20120810.PutItem}. */
    static Structure request(String target) {
        String operation = target.substring(target.indexOf('.') + 1);
        WireShape transactItems = switch (operation) {
            case "TransactWriteItems" -> TRANSACT_WRITE_ITEMS;
            case "TransactGetItems" -> TRANSACT_GET_ITEMS;
            default -> null;
        };
        WireShape requestItems = switch (operation) {
            case "BatchWriteItem" -> BATCH_WRITE_ITEMS;
            case "BatchGetItem" -> BATCH_GET_ITEMS;
            default -> null;
        };
        return new Structure(operation + "Request", name -> switch (name) {
            case "TransactItems" -> transactItems;
            case "RequestItems" -> requestItems;
            case "GlobalSecondaryIndexUpdates" -> operation.equals("UpdateTable") ? INDEX_UPDATES : null;
            case "StreamArn" -> KINESIS_DESTINATION_OPERATIONS.contains(operation) ? STRING : null;
            default -> REQUEST_MEMBERS.get(name);
        });
    }

    private static WireShape conditions() {
        return map(Structure.of("Condition", Map.of("ComparisonOperator", STRING,
                "AttributeValueList", ATTRIBUTE_VALUE_LIST)), MODEL + "Condition");
    }

    private static Structure action(String className) {
        return new Structure(className, REQUEST_MEMBERS::get);
    }
}
