package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * Attribute value checks as GetItem, BatchGetItem, Query, PutItem, UpdateItem and DeleteItem word them. These
 * operations run DynamoDB's newer value validation: a malformed value is reported without the {@code
 * ExpressionAttributeValues contains invalid value} wrapper (the writes put it in the request validation envelope),
 * an empty number keeps its colon ({@code ...numeric value: }), and a set with a repeated
 * member is quoted in DynamoDB's order up to the first repeat, then the repeat, then the rest as sent.
 *
 * <pre>{@code
 * ReadValues.check(request.get("Key"));   // before the key is matched against the schema
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html">
 *     Supported data types and naming rules</a>
 */
public final class ReadValues {

    private static final String INVALID = "One or more parameter values were invalid: ";

    private ReadValues() {
    }

    /** Checks every value of a map of attribute values (a key, ExpressionAttributeValues); null is fine. */
    public static void check(JsonNode values) {
        if (values != null && values.isObject()) {
            values.forEach(ReadValues::checkValue);
        }
    }

    /**
     * Checks the values of a legacy parameter's entries: the AttributeValueLists of a filter ({@code QueryFilter}),
     * and the Values too of {@code Expected} and {@code AttributeUpdates}; null is fine.
     */
    public static void checkConditions(JsonNode conditions) {
        if (conditions != null && conditions.isObject()) {
            conditions.forEach(condition -> {
                JsonNode value = condition.get("Value");
                if (value != null && value.isObject()) {
                    checkValue(value);
                }
                condition.path("AttributeValueList").forEach(ReadValues::checkValue);
            });
        }
    }

    private static void checkValue(JsonNode value) {
        String type = AttributeValues.type(value);
        JsonNode content = type == null ? null : value.get(type);
        if (content != null && !content.isNull()) {
            switch (type) {
                case "N" -> number(content.asText());
                case "NS" -> {
                    content.forEach(member -> number(member.asText()));
                    duplicates(content, type);
                }
                case "SS", "BS" -> duplicates(content, type);
                case "L", "M" -> content.forEach(ReadValues::checkValue);
                default -> {
                }
            }
        }
        AttributeValues.validateValue(value);
    }

    private static void number(String text) {
        if (text.isEmpty()) {
            throw ApiException.validation("The parameter cannot be converted to a numeric value: ");
        }
        AttributeValues.validateNumberInFull(text);
    }

    private static void duplicates(JsonNode members, String type) {
        Comparator<JsonNode> order = switch (type) {
            case "NS" -> Comparator.comparing(member -> new BigDecimal(member.asText()));
            default -> (a, b) -> AttributeValues.compare(Json.object().set(type.substring(0, 1), a),
                    Json.object().set(type.substring(0, 1), b));
        };
        TreeSet<JsonNode> seen = new TreeSet<>(order);
        List<JsonNode> sent = new ArrayList<>();
        members.forEach(sent::add);
        for (int i = 0; i < sent.size(); i++) {
            if (!seen.add(sent.get(i))) {
                if (type.equals("NS")) {
                    throw ApiException.validation(INVALID + "Input collection contains duplicates.");
                }
                List<String> listed = new ArrayList<>();
                seen.forEach(member -> listed.add(Json.write(member)));
                sent.subList(i, sent.size()).forEach(member -> listed.add(Json.write(member)));
                throw ApiException.validation(type.equals("BS")
                        ? INVALID + "Input collection [" + String.join(",", listed) + "]of type BS contains duplicates."
                        : INVALID + "Input collection [" + String.join(", ", listed) + "] contains duplicates.");
            }
        }
    }
}
