package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Collects the parameter constraint violations of one request and reports them together as DynamoDB does:
 * {@code 1 validation error detected: Value 'x' at 'tableName' failed to satisfy constraint: …}.
 */
final class Constraints {

    private static final Set<String> KEY_TYPES = Set.of("HASH", "RANGE");
    private static final Set<String> COMPARISON_OPERATORS = Set.of("IN", "NULL", "BETWEEN", "LT", "NOT_CONTAINS",
            "EQ", "GT", "NOT_NULL", "NE", "LE", "BEGINS_WITH", "GE", "CONTAINS");

    private final List<String> violations = new ArrayList<>();
    private final MemberOrder order;

    /** Failures reported in the order they are found. */
    Constraints() {
        this(null);
    }

    /** Failures reported in the order DynamoDB lists the operation's members in. */
    Constraints(MemberOrder order) {
        this.order = order;
    }

    /** A failure worded by the caller: {@code Value ... at 'member' failed to satisfy constraint: ...}. */
    Constraints violation(String message) {
        violations.add(message);
        return this;
    }

    /** The shared enum members outside their value sets, reported with the operation's own members. */
    Constraints sharedEnums(JsonNode request) {
        violations.addAll(SharedEnums.violations(request));
        return this;
    }

    /** Checks a table name member: required, 3..255 characters of {@code [a-zA-Z0-9_.-]}. */
    Constraints tableName(String member, JsonNode value) {
        return tableName(member, value, false);
    }

    private Constraints tableName(String member, JsonNode value, boolean lengthFirst) {
        if (value == null || value.isNull()) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
            return this;
        }
        String name = value.asText();
        String pattern = isTableName(name) ? null
                : describe(name, member) + "Member must satisfy regular expression pattern: [a-zA-Z0-9_.-]+";
        String length = name.length() < 3
                ? describe(name, member) + "Member must have length greater than or equal to 3"
                : name.length() > 255
                ? describe(name, member) + "Member must have length less than or equal to 255" : null;
        for (String violation : lengthFirst ? new String[] {length, pattern} : new String[] {pattern, length}) {
            if (violation != null) {
                violations.add(violation);
            }
        }
        return this;
    }

    /** Whether {@code name} matches {@code [a-zA-Z0-9_.-]+}, checked without a regular expression per request. */
    private static boolean isTableName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.'
                    || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** A required string member of {@code min..max} characters. */
    Constraints text(String member, JsonNode value, int min, int max) {
        required(member, value);
        if (value != null && !value.isNull()) {
            String text = value.asText();
            int length = text.codePointCount(0, text.length());
            if (length < min) {
                violations.add(describe(text, member) + "Member must have length greater than or equal to " + min);
            } else if (length > max) {
                violations.add(describe(text, member) + "Member must have length less than or equal to " + max);
            }
        }
        return this;
    }

    /**
     * The AttributeName of each element of a KeySchema or AttributeDefinitions list: 1 to 255 characters, the
     * limit of a key attribute's name. Missing names are reported by the schema's own checks.
     */
    Constraints keyAttributeNames(String member, JsonNode elements) {
        if (elements == null || !elements.isArray()) {
            return this;
        }
        for (int i = 0; i < elements.size(); i++) {
            JsonNode name = elements.get(i).get("AttributeName");
            if (name != null && name.isTextual()) {
                text(member + "." + (i + 1) + ".member.attributeName", name, 1, 255);
            }
        }
        return this;
    }

    /**
     * A table's KeySchema: at most two elements (quoted the way DynamoDB's Java model prints the list), each with
     * an AttributeName and a KeyType of HASH or RANGE, reported element by element.
     */
    Constraints tableKeySchema(String member, JsonNode elements) {
        if (elements == null || !elements.isArray()) {
            return this;
        }
        if (elements.size() > 2) {
            violations.add(describe(TableSchema.printed(elements), member)
                    + "Member must have length less than or equal to 2");
        }
        for (int i = 0; i < elements.size(); i++) {
            String path = member + "." + (i + 1) + ".member.";
            JsonNode name = elements.get(i).get("AttributeName");
            required(path + "attributeName", name);
            if (name != null && name.isTextual()) {
                text(path + "attributeName", name, 1, 255);
            }
            required(path + "keyType", elements.get(i).get("KeyType"));
            oneOf(path + "keyType", elements.get(i).get("KeyType"), KEY_TYPES, "[HASH, RANGE]");
        }
        return this;
    }

    /**
     * A projection's NonKeyAttributes: each name 1 to 255 characters. A failing element is reported against the
     * whole list, with every constraint its elements carry, as DynamoDB reports a list of strings.
     */
    Constraints nonKeyAttributes(String member, JsonNode names) {
        if (names == null || !names.isArray()) {
            return this;
        }
        List<String> texts = new ArrayList<>();
        boolean outOfRange = false;
        for (JsonNode name : names) {
            String text = name.asText();
            texts.add(text);
            int length = text.codePointCount(0, text.length());
            outOfRange |= length < 1 || length > 255;
        }
        if (outOfRange) {
            violations.add(describe("[" + String.join(", ", texts) + "]", member) + "Member must satisfy"
                    + " constraint: [Member must have length less than or equal to 255, Member must have length"
                    + " greater than or equal to 1]");
        }
        return this;
    }

    /**
     * The table name of an item or query operation, which may also be a table ARN: an empty name fails only the
     * minimum length of 1, otherwise the name is checked as {@link #tableName} does.
     */
    Constraints itemTableName(String member, JsonNode value) {
        return itemTableName(member, value, false);
    }

    /**
     * As {@link #itemTableName}, listing a failed length ahead of a failed pattern: the order of DynamoDB's newer
     * validation (UpdateItem with a Key), where the older one lists the pattern first.
     */
    Constraints itemTableNameLengthFirst(String member, JsonNode value) {
        return itemTableName(member, value, true);
    }

    private Constraints itemTableName(String member, JsonNode value, boolean lengthFirst) {
        if (value != null && value.isTextual() && value.asText().isEmpty()) {
            violations.add(describe("", member) + "Member must have length greater than or equal to 1");
            return this;
        }
        return tableName(member, value, lengthFirst);
    }

    /**
     * A ProvisionedThroughput: both capacities required and at least 1. DynamoDB reports the write capacity before
     * the read capacity.
     */
    Constraints capacity(String member, JsonNode provisioned) {
        if (provisioned == null || provisioned.isNull()) {
            return this;
        }
        for (String units : List.of("WriteCapacityUnits", "ReadCapacityUnits")) {
            String path = member + "." + Character.toLowerCase(units.charAt(0)) + units.substring(1);
            required(path, provisioned.get(units));
            range(path, provisioned.get(units), 1, Long.MAX_VALUE);
        }
        return this;
    }

    /** A required list of at least one element; DynamoDB quotes an empty list as {@code '[]'}. */
    Constraints nonEmpty(String member, JsonNode list) {
        required(member, list);
        if (list != null && list.isArray() && list.isEmpty()) {
            violations.add(describe("[]", member) + "Member must have length greater than or equal to 1");
        }
        return this;
    }

    Constraints required(String member, JsonNode value) {
        if (value == null || value.isNull()) {
            violations.add("Value null at '" + member + "' failed to satisfy constraint: Member must not be null");
        }
        return this;
    }

    /** An optional enum member; {@code enumDescription} is DynamoDB's bracketed list, e.g. {@code [NONE, ALL_OLD]}. */
    Constraints oneOf(String member, JsonNode value, Set<String> allowed, String enumDescription) {
        if (value != null && !value.isNull() && !allowed.contains(value.asText())) {
            violations.add(describe(value.asText(), member) + "Member must satisfy enum value set: "
                    + enumDescription);
        }
        return this;
    }

    /**
     * The ComparisonOperator of each condition of a legacy condition map (KeyConditions, QueryFilter, ScanFilter):
     * required, and one of the operators. DynamoDB names the condition in the path, e.g.
     * {@code keyConditions.pk.member.comparisonOperator}.
     */
    Constraints comparisonOperators(String member, JsonNode conditions) {
        if (conditions == null || !conditions.isObject()) {
            return this;
        }
        conditions.fields().forEachRemaining(entry -> {
            if (!entry.getValue().isObject()) {
                return;
            }
            String path = member + "." + entry.getKey() + ".member.comparisonOperator";
            JsonNode operator = entry.getValue().get("ComparisonOperator");
            required(path, operator);
            oneOf(path, operator, COMPARISON_OPERATORS, "[IN, NULL, BETWEEN, LT, NOT_CONTAINS, EQ, GT, NOT_NULL, NE,"
                    + " LE, BEGINS_WITH, GE, CONTAINS]");
        });
        return this;
    }

    /** An optional integer member within {@code min..max}. */
    Constraints range(String member, JsonNode value, long min, long max) {
        if (value == null || value.isNull()) {
            return this;
        }
        long number = value.asLong();
        if (number < min) {
            violations.add(describe(value.asText(), member) + "Member must have value greater than or equal to "
                    + min);
        } else if (number > max) {
            violations.add(describe(value.asText(), member) + "Member must have value less than or equal to "
                    + max);
        }
        return this;
    }

    /** An optional list member of {@code min..max} elements; DynamoDB's message quotes no value for a list. */
    Constraints length(String member, JsonNode list, int min, int max) {
        if (list == null || list.isNull()) {
            return this;
        }
        if (list.size() < min) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: Member must have length greater"
                    + " than or equal to " + min);
        } else if (list.size() > max) {
            violations.add("Value at '" + member + "' failed to satisfy constraint: Member must have length less"
                    + " than or equal to " + max);
        }
        return this;
    }

    void check() {
        if (violations.isEmpty()) {
            return;
        }
        List<String> sorted = order == null ? violations : order.sort(violations);
        // DynamoDB reports ten failures at most ("10 validation errors detected: ...")
        List<String> reported = sorted.subList(0, Math.min(10, sorted.size()));
        String count = reported.size() == 1 ? "1 validation error detected: "
                : reported.size() + " validation errors detected: ";
        throw ApiException.validation(count + String.join("; ", reported));
    }

    private static String describe(String value, String member) {
        return "Value '" + value + "' at '" + member + "' failed to satisfy constraint: ";
    }
}
