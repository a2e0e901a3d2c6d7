package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
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
        JsonNode requestItems = request.get("RequestItems");
        if (requestItems != null && !requestItems.isNull()) {
            requestItems(requestItems, target.endsWith(".BatchWriteItem"));
        }
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
                if (value.isNumber()) {
                    // DynamoDB takes a decimal for a boolean by its integer part: 0.5 is false, -1.1 is true
                    member.setValue(BooleanNode.valueOf(value.longValue() != 0));
                }
            } else if (name.equals("ExpressionAttributeNames")) {
                map(value);
                value.forEach(RequestMemberTypes::string);
            } else if (ITEMS.contains(name)) {
                map(value);
                value.forEach(RequestMemberTypes::attributeValue);
            } else if (name.equals("AttributesToGet")) {
                list(value);
                value.forEach(RequestMemberTypes::string);
            } else if (name.equals("Expected") || name.equals("AttributeUpdates")) {
                map(value);
                value.forEach(RequestMemberTypes::condition);
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
                        } else if (!action.isNull()) {
                            structure(action);
                        }
                    });
                }
            }
        }
    }

    /**
     * One entry of Expected (Exists, Value, ComparisonOperator, AttributeValueList) or of AttributeUpdates (Action,
     * Value): a structure whose members have their own types.
     */
    private static void condition(JsonNode entry) {
        if (entry.isNull()) {
            return;
        }
        structure(entry);
        for (Iterator<Map.Entry<String, JsonNode>> it = entry.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> member = it.next();
            JsonNode content = member.getValue();
            if (content.isNull()) {
                continue;
            }
            switch (member.getKey()) {
                case "Exists" -> bool(content);
                case "Value" -> attributeValue(content);
                case "ComparisonOperator", "Action" -> string(content);
                case "AttributeValueList" -> {
                    list(content);
                    content.forEach(RequestMemberTypes::attributeValue);
                }
                default -> {
                }
            }
        }
    }

    /**
     * BatchGetItem's and BatchWriteItem's RequestItems: a map from table to, for reads, a structure of keys and
     * read parameters, for writes, a list of structures each holding a PutRequest or a DeleteRequest.
     */
    private static void requestItems(JsonNode requestItems, boolean writes) {
        map(requestItems);
        for (JsonNode entry : requestItems) {
            if (entry.isNull()) {
                continue;
            }
            if (writes) {
                list(entry);
                for (JsonNode write : entry) {
                    if (write.isNull()) {
                        continue;
                    }
                    structure(write);
                    writeRequest(write.get("PutRequest"), "Item");
                    writeRequest(write.get("DeleteRequest"), "Key");
                }
            } else {
                structure(entry);
                checkMembers(entry);
                JsonNode keys = entry.get("Keys");
                if (keys != null && !keys.isNull()) {
                    list(keys);
                    for (JsonNode key : keys) {
                        if (!key.isNull()) {
                            map(key);
                            key.forEach(RequestMemberTypes::attributeValue);
                        }
                    }
                }
            }
        }
    }

    /** A PutRequest's Item or a DeleteRequest's Key: a structure holding a map of attribute values. */
    private static void writeRequest(JsonNode request, String member) {
        if (request == null || request.isNull()) {
            return;
        }
        structure(request);
        JsonNode values = request.get(member);
        if (values != null && !values.isNull()) {
            map(values);
            values.forEach(RequestMemberTypes::attributeValue);
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
        if (value.isNull()) {
            return;
        }
        if (value.isTextual()) {
            base64(value.asText());
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

    /**
     * Binary values travel as base64, which DynamoDB decodes strictly: whole groups of four characters, padding only
     * at the end, and no bits set past the last byte.
     */
    private static void base64(String text) {
        String refusal = "'" + text + "' can not be converted to a Blob: ";
        if (text.length() % 4 != 0) {
            throw ApiException.serialization(refusal + "Base64 encoded length is expected a multiple of 4 bytes but"
                    + " found: " + text.length());
        }
        int padding = text.endsWith("==") ? 2 : text.endsWith("=") ? 1 : 0;
        int end = text.length() - padding;
        for (int i = 0; i < end; i++) {
            if (sextet(text.charAt(i)) < 0) {
                throw ApiException.serialization(refusal + "Invalid Base64 character: '" + text.charAt(i) + "'");
            }
        }
        // the last character before the padding carries 4 (one '=') or 2 (two) bits beyond the last byte
        int unused = padding == 2 ? 0x0f : padding == 1 ? 0x03 : 0;
        if (padding > 0 && (sextet(text.charAt(end - 1)) & unused) != 0) {
            throw ApiException.serialization(refusal + "Invalid last non-pad Base64 character dectected");
        }
    }

    private static int sextet(char c) {
        if (c >= 'A' && c <= 'Z') {
            return c - 'A';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 26;
        }
        if (c >= '0' && c <= '9') {
            return c - '0' + 52;
        }
        return c == '+' ? 62 : c == '/' ? 63 : -1;
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
