package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.ops.SharedEnums;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON types of the request members every operation shares. DynamoDB deserializes a request before it
 * validates anything, so a member of the wrong JSON type ({@code "Limit": "abc"}, {@code {"S": 1}}) is a
 * SerializationException naming the conversion that failed, never a ValidationException or a silent coercion.
 * The shared enum members (ReturnConsumedCapacity, ReturnItemCollectionMetrics, ConditionalOperator,
 * ReturnValuesOnConditionCheckFailure) are then checked against their value sets.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html">Error
 *     handling with DynamoDB</a>
 */
final class RequestMemberTypes {

    private static final Set<String> INTEGERS = Set.of("Limit", "Segment", "TotalSegments");
    private static final Set<String> STRINGS = Set.of("TableName", "IndexName", "Select", "ReturnValues",
            "ReturnConsumedCapacity", "ReturnItemCollectionMetrics", "ReturnValuesOnConditionCheckFailure",
            "ConditionExpression", "FilterExpression", "KeyConditionExpression", "ProjectionExpression",
            "UpdateExpression", "ConditionalOperator", "ExclusiveStartTableName", "BillingMode",
            "ClientRequestToken");
    private static final Set<String> ITEMS = Set.of("Item", "Key", "ExclusiveStartKey",
            "ExpressionAttributeValues");

    /** Operations that report the shared enum members together with their own members, in DynamoDB's order. */
    private static final Set<String> OWN_ENUM_CHECKS = Set.of("DynamoDB_20120810.GetItem",
            "DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.DeleteItem",
            "DynamoDB_20120810.Scan", "DynamoDB_20120810.BatchGetItem", "DynamoDB_20120810.TransactWriteItems");

    private RequestMemberTypes() {
    }

    static void check(ObjectNode request, String target) {
        checkMembers(request);
        checkToken(request.get("ClientRequestToken"));
        checkEnums(request, OWN_ENUM_CHECKS.contains(target));
    }

    /** A client request token is 1 to 36 characters; DynamoDB reports it ahead of any other member. */
    private static void checkToken(JsonNode token) {
        if (token != null && token.isTextual() && (token.asText().isEmpty() || token.asText().length() > 36)) {
            throw ApiException.validation("1 validation error detected: Value at 'ClientRequestToken' failed to"
                    + " satisfy constraint: Member must have length " + (token.asText().isEmpty()
                    ? "greater than or equal to 1" : "less than or equal to 36"));
        }
    }

    private static void checkMembers(JsonNode request) {
        for (Iterator<Map.Entry<String, JsonNode>> it = request.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode value = member.getValue();
            if (value.isNull()) {
                continue;
            }
            String name = member.getKey();
            if (INTEGERS.contains(name)) {
                integer(value);
            } else if (STRINGS.contains(name)) {
                string(value);
            } else if (name.equals("ConsistentRead") || name.equals("ScanIndexForward")) {
                bool(value);
            } else if (name.equals("ExpressionAttributeNames")) {
                map(value);
                value.forEach(RequestMemberTypes::string);
            } else if (ITEMS.contains(name)) {
                map(value);
                value.forEach(RequestMemberTypes::attributeValue);
            } else if (name.equals("TimeToLiveSpecification") && value.hasNonNull("AttributeName")) {
                string(value.get("AttributeName"));
            } else if (name.equals("Tags") || name.equals("Statements") || name.equals("TransactStatements")) {
                list(value);
            } else if (name.equals("TransactItems")) {
                list(value);
                // each action (Put, Update, Get, ...) carries the same members as the single-item operations
                for (JsonNode transactItem : value) {
                    if (!transactItem.isNull()) {
                        structure(transactItem);
                    }
                    transactItem.forEach(action -> {
                        if (action.isObject()) {
                            checkMembers(action);
                        }
                    });
                }
            }
        }
    }

    /**
     * Once deserialized, a shared enum member outside its value set fails DynamoDB's constraint check, whatever
     * the operation; the operations that know DynamoDB's order of their members report it with their own.
     */
    private static void checkEnums(ObjectNode request, boolean checkedByOperation) {
        JsonNode token = request.get("ClientRequestToken");
        if (token != null && token.isTextual() && token.asText().length() > 36) {
            // reported alone, ahead of the enum members
            throw ApiException.validation("1 validation error detected: Value at 'ClientRequestToken' failed to"
                    + " satisfy constraint: Member must have length less than or equal to 36");
        }
        List<String> errors = checkedByOperation ? List.of() : SharedEnums.violations(request);
        if (!errors.isEmpty()) {
            throw ApiException.validation(errors.size() + " validation error" + (errors.size() > 1 ? "s" : "")
                    + " detected: " + String.join("; ", errors));
        }
    }

    private static void attributeValue(JsonNode value) {
        if (value.isNull()) {
            return;
        }
        structure(value);
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode content = member.getValue();
            if (content.isNull()) {
                continue;
            }
            switch (member.getKey()) {
                case "S", "N" -> string(content);
                case "B" -> blob(content);
                case "BOOL", "NULL" -> bool(content);
                case "SS", "NS" -> {
                    list(content);
                    content.forEach(RequestMemberTypes::string);
                }
                case "BS" -> {
                    list(content);
                    content.forEach(RequestMemberTypes::blob);
                }
                case "L" -> {
                    list(content);
                    content.forEach(RequestMemberTypes::attributeValue);
                }
                case "M" -> {
                    map(content);
                    content.forEach(RequestMemberTypes::attributeValue);
                }
                default -> {
                }
            }
        }
    }

    private static void integer(JsonNode value) {
        if (value.isNumber()) {
            return;
        }
        container(value);
        throw ApiException.serialization("class " + javaClass(value) + " can not be converted to an Integer");
    }

    private static void string(JsonNode value) {
        if (value.isTextual() || value.isNull()) {
            return;
        }
        container(value);
        throw ApiException.serialization("class " + javaClass(value) + " can not be converted to an String");
    }

    private static void blob(JsonNode value) {
        if (value.isTextual() || value.isNull()) {
            return;
        }
        container(value);
        throw ApiException.serialization("class " + javaClass(value) + " can not be converted to a Blob");
    }

    /** Strings are left to the operation: DynamoDB converts some of them ("true", "false") to booleans. */
    private static void bool(JsonNode value) {
        if (value.isBoolean() || value.isTextual() || (value.isNumber() && !value.isIntegralNumber())) {
            return;
        }
        container(value);
        throw ApiException.serialization("class " + javaClass(value) + " can not be converted to an Boolean");
    }

    private static void list(JsonNode value) {
        if (value.isObject()) {
            throw ApiException.serialization("Start of structure or map found where not expected.");
        }
        if (!value.isArray()) {
            throw ApiException.serialization("Expected list or null");
        }
    }

    private static void map(JsonNode value) {
        if (value.isArray()) {
            throw ApiException.serialization("Start of list found where not expected");
        }
        if (!value.isObject()) {
            throw ApiException.serialization("Expected map or null");
        }
    }

    private static void structure(JsonNode value) {
        if (value.isArray()) {
            throw ApiException.serialization("Start of list found where not expected");
        }
        if (!value.isObject()) {
            throw ApiException.serialization("Expected null");
        }
    }

    private static void container(JsonNode value) {
        if (value.isArray()) {
            throw ApiException.serialization("Start of list found where not expected");
        }
        if (value.isObject()) {
            throw ApiException.serialization("Start of structure or map found where not expected.");
        }
    }

    /** The Java class DynamoDB's deserializer reports for a JSON scalar. */
    private static String javaClass(JsonNode value) {
        if (value.isBoolean()) {
            return "java.lang.Boolean";
        }
        if (value.isTextual()) {
            return "java.lang.String";
        }
        if (!value.isIntegralNumber()) {
            return "java.lang.Double";
        }
        long number = value.asLong();
        return number >= Short.MIN_VALUE && number <= Short.MAX_VALUE ? "java.lang.Short"
                : number >= Integer.MIN_VALUE && number <= Integer.MAX_VALUE ? "java.lang.Integer" : "java.lang.Long";
    }
}
