package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.ops.SharedEnums;
import java.util.List;
import java.util.Set;

/**
 * The JSON types of the request members ({@link RequestShapes}). DynamoDB deserializes a request before it
 * validates anything, so a member of the wrong JSON type ({@code "Limit": "abc"}, {@code {"S": 1}}) is a
 * SerializationException naming the conversion that failed ({@code STRING_VALUE cannot be converted to Integer},
 * {@code NUMBER_VALUE cannot be converted to String}), never a ValidationException or a silent coercion.
 * The shared enum members (ReturnConsumedCapacity, ReturnItemCollectionMetrics, ConditionalOperator,
 * ReturnValuesOnConditionCheckFailure) are then checked against their value sets.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html">Error
 *     handling with DynamoDB</a>
 */
final class RequestMemberTypes {

    /** Operations that report the shared enum members together with their own members, in DynamoDB's order. */
    private static final Set<String> OWN_ENUM_CHECKS = Set.of("DynamoDB_20120810.GetItem",
            "DynamoDB_20120810.PutItem", "DynamoDB_20120810.UpdateItem", "DynamoDB_20120810.DeleteItem",
            "DynamoDB_20120810.Scan", "DynamoDB_20120810.BatchGetItem", "DynamoDB_20120810.TransactWriteItems");

    private RequestMemberTypes() {
    }

    static void check(ObjectNode request, String target) {
        RequestShapes.request(target).checkMembers(request);
        checkToken(request.get("ClientRequestToken"));
        if (target.equals("DynamoDB_20120810.Query")) {
            checkQueryConditionalOperator(request.get("ConditionalOperator"));
        }
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

    /**
     * Query checks its ConditionalOperator ahead of its other members and words the failure bare, against the value
     * set it converts the operator to (AND being ALL), with no count of errors and no other member joined to it.
     */
    private static void checkQueryConditionalOperator(JsonNode operator) {
        if (operator != null && operator.isTextual() && !Set.of("AND", "OR").contains(operator.asText())) {
            throw ApiException.validation("Failed to satisfy constraint: Member must satisfy enum value set: [ALL,"
                    + " OR]");
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
}
