package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The enum members many operations share (ConditionalOperator, ReturnConsumedCapacity, ReturnItemCollectionMetrics,
 * ReturnValuesOnConditionCheckFailure) and DynamoDB's constraint failure for a value outside each one's set. An
 * operation that knows the order DynamoDB reports its members in reports these with its own members; the others
 * have them reported ahead of anything else.
 */
public final class SharedEnums {

    /** The members with their value sets in the order DynamoDB lists them. */
    private static final List<Map.Entry<String, List<String>>> ENUMS = List.of(
            Map.entry("ConditionalOperator", List.of("OR", "AND")),
            Map.entry("ReturnConsumedCapacity", List.of("INDEXES", "TOTAL", "NONE")),
            Map.entry("ReturnItemCollectionMetrics", List.of("SIZE", "NONE")),
            Map.entry("ReturnValuesOnConditionCheckFailure", List.of("ALL_OLD", "NONE")));

    private SharedEnums() {
    }

    /** One constraint failure per shared enum member outside its value set, in the members' order above. */
    public static List<String> violations(JsonNode request) {
        List<String> errors = new ArrayList<>();
        for (Map.Entry<String, List<String>> member : ENUMS) {
            JsonNode value = request.get(member.getKey());
            if (value != null && value.isTextual() && !member.getValue().contains(value.asText())) {
                errors.add("Value '" + value.asText() + "' at '" + Character.toLowerCase(member.getKey().charAt(0))
                        + member.getKey().substring(1) + "' failed to satisfy constraint: Member must satisfy enum"
                        + " value set: [" + String.join(", ", member.getValue()) + "]");
            }
        }
        return errors;
    }
}
