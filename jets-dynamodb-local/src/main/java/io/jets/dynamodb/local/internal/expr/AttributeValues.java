package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB's rules for attribute values in DynamoDB JSON ({@code {"N":"1.5"}}): validation with DynamoDB's error
 * messages, ordering, equality, item size and the canonical form numbers are returned in.
 *
 * <pre>{@code
 * AttributeValues.validateItem(item);                       // throws ApiException (ValidationException)
 * long bytes = AttributeValues.itemSize(item);              // for the 400 KB limit and capacity units
 * int order = AttributeValues.compare(sortKeyA, sortKeyB);  // numbers numerically, strings/binary by bytes
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/HowItWorks.NamingRulesDataTypes.html">
 *     Supported data types and naming rules</a>
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/CapacityUnitCalculations.html">
 *     Item sizes and formats</a>
 */
public final class AttributeValues {

    static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private static final BigDecimal MAX_MAGNITUDE = new BigDecimal("9.9999999999999999999999999999999999999E+125");
    private static final BigDecimal MIN_MAGNITUDE = new BigDecimal("1E-130");
    /** Attribute names must be shorter than 64 KB in UTF-8. */
    private static final int MAX_NAME_BYTES = 65536;
    /** DynamoDB documents nest at most 32 levels deep, the attribute itself being level 1. */
    private static final int MAX_NESTING = 32;
    private static final String TOO_DEEP = "Nesting Levels have exceeded supported limits: Attributes in the item"
            + " have nested levels beyond supported limit";
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)[eE]([+-]?\\d+)");

    private AttributeValues() {
    }

    /** The value's type descriptor ({@code S}, {@code N}, {@code SS}, {@code M}, …), or null when it has none. */
    public static String type(JsonNode value) {
        if (value == null || !value.isObject()) {
            return null;
        }
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            String field = it.next();
            if (isType(field)) {
                return field;
            }
        }
        return null;
    }

    private static boolean isType(String field) {
        return switch (field) {
            case "S", "N", "B", "SS", "NS", "BS", "M", "L", "NULL", "BOOL" -> true;
            default -> false;
        };
    }

    /** Validates every attribute of an item. */
    public static void validateItem(ObjectNode item) {
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> attribute = it.next();
            checkName(attribute.getKey());
            validateValue(attribute.getValue());
        }
    }

    /** Refuses an attribute name (top-level or a map member) of 64 KB or more, as DynamoDB does. */
    public static void checkName(String name) {
        if (name.length() >= MAX_NAME_BYTES / 3 && utf8Length(name) >= MAX_NAME_BYTES) {
            throw ApiException.validation("1 validation error detected: Attribute name is too large, must be less "
                    + "than " + MAX_NAME_BYTES + " bytes");
        }
    }

    /** True for the error a value nested past 32 levels gets, which DynamoDB reports bare wherever the value is. */
    static boolean isTooDeep(ApiException e) {
        return e.getMessage().equals(TOO_DEEP);
    }

    /** Validates one attribute value, recursively, throwing DynamoDB's ValidationException messages. */
    public static void validateValue(JsonNode value) {
        validateValue(value, 1);
    }

    /**
     * Refuses a value nested past the limit, and nothing else: where DynamoDB measures a value's depth before it
     * checks the rest of the request.
     */
    public static void checkNesting(JsonNode value) {
        checkNesting(value, 1);
    }

    private static void checkNesting(JsonNode value, int level) {
        if (level > MAX_NESTING) {
            throw ApiException.validation(TOO_DEEP);
        }
        if (value != null && value.isObject()) {
            JsonNode list = value.get("L");
            JsonNode map = value.get("M");
            if (list != null && list.isArray()) {
                list.forEach(member -> checkNesting(member, level + 1));
            }
            if (map != null && map.isObject()) {
                map.forEach(member -> checkNesting(member, level + 1));
            }
        }
    }

    /** {@code level}: 1 for an attribute, one more for each map or list around the value. */
    private static void validateValue(JsonNode value, int level) {
        if (level > MAX_NESTING) {
            throw ApiException.validation(TOO_DEEP);
        }
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw ApiException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        int typesSet = 0;
        for (Iterator<String> it = value.fieldNames(); it.hasNext(); ) {
            if (isType(it.next())) {
                typesSet++;
            }
        }
        if (typesSet == 0) {
            throw ApiException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        if (typesSet > 1) {
            throw ApiException.validation("Supplied AttributeValue has more than one datatypes set, "
                    + "must contain exactly one of the supported datatypes");
        }
        String type = type(value);
        JsonNode content = value.get(type);
        switch (type) {
            case "N" -> validateNumber(content.asText());
            case "NULL" -> {
                if (!content.asBoolean()) {
                    throw ApiException.validation("One or more parameter values were invalid: "
                            + "Null attribute value types must have the value of true");
                }
            }
            case "SS" -> validateSet(content, "string");
            case "NS" -> validateSet(content, "number");
            case "BS" -> validateSet(content, "binary");
            case "L" -> content.forEach(member -> validateValue(member, level + 1));
            case "M" -> content.fields().forEachRemaining(member -> {
                checkName(member.getKey());
                validateValue(member.getValue(), level + 1);
            });
            default -> {
            }
        }
    }

    private static void validateSet(JsonNode members, String typeName) {
        if (members.isEmpty()) {
            throw ApiException.validation(typeName.equals("binary")
                    ? "One or more parameter values were invalid: Binary sets should not be empty"
                    : "One or more parameter values were invalid: An " + typeName + " set  may not be empty");
        }
        if (typeName.equals("number")) {
            members.forEach(n -> validateNumber(n.asText()));
        }
        Set<Object> seen = new HashSet<>();
        List<String> texts = new ArrayList<>();
        boolean duplicate = false;
        for (JsonNode member : members) {
            String text = member.asText();
            texts.add(text);
            Object key = typeName.equals("number") ? canonicalNumber(new BigDecimal(text)) : text;
            duplicate |= !seen.add(key);
        }
        if (duplicate) {
            throw ApiException.validation(switch (typeName) {
                case "number" -> "Input collection contains duplicates";
                case "binary" -> "One or more parameter values were invalid: Input collection " + texts
                        + "of type BS contains duplicates.";
                default -> "One or more parameter values were invalid: Input collection " + texts
                        + " contains duplicates.";
            });
        }
    }

    /** Validates a number's text: parsable, at most 38 significant digits, within DynamoDB's magnitude range. */
    static void validateNumber(String text) {
        validateNumber(text, false);
    }

    /** {@link #validateNumber} as DynamoDB's newer validation reads a number: its exponent in full. */
    static void validateNumberInFull(String text) {
        validateNumber(text, true);
    }

    private static void validateNumber(String text, boolean exponentInFull) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw outOfRangeExponent(text);
        }
        if (number.signum() == 0) {
            // zero is range-checked by the exponent it is written with: 0E125 is stored as 0, 0E126 overflows
            long exponent = -(long) number.scale();
            if (exponent > 125) {
                throw overflow();
            }
            if (exponent < -130) {
                throw underflow();
            }
            return;
        }
        if (!exponentInFull && number.precision() - (long) number.scale() > Integer.MAX_VALUE) {
            // the older validation works the exponent out in an int, so 1E2147483647 wraps round to an underflow
            throw underflow();
        }
        BigDecimal stripped = number.stripTrailingZeros();
        BigDecimal magnitude = stripped.abs();
        if (magnitude.compareTo(MAX_MAGNITUDE) > 0) {
            throw overflow();
        }
        if (magnitude.compareTo(MIN_MAGNITUDE) < 0) {
            throw underflow();
        }
        if (stripped.precision() > 38) {
            throw ApiException.validation("Attempting to store more than 38 significant digits in a Number");
        }
    }

    /**
     * A literal {@link BigDecimal} refuses: DynamoDB reads an exponent up to a 64-bit integer in full, so one past
     * a 32-bit integer is out of range rather than unreadable.
     */
    private static ApiException outOfRangeExponent(String text) {
        Matcher literal = NUMBER.matcher(text);
        if (literal.matches()) {
            try {
                return Long.parseLong(literal.group(2)) > 0 ? overflow() : underflow();
            } catch (NumberFormatException beyondLong) {
                // falls through: an exponent past a 64-bit integer cannot be converted at all
            }
        }
        return ApiException.validation(text.isEmpty() ? "The parameter cannot be converted to a numeric value"
                : "The parameter cannot be converted to a numeric value: " + text);
    }

    private static ApiException overflow() {
        return ApiException.validation(
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }

    private static ApiException underflow() {
        return ApiException.validation(
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }

    /** A number as DynamoDB returns it: no exponent, no trailing zeros, {@code 0} for any zero. */
    static String canonicalNumber(BigDecimal number) {
        return number.signum() == 0 ? "0" : number.stripTrailingZeros().toPlainString();
    }

    static ObjectNode number(String text) {
        return JSON.objectNode().put("N", text);
    }

    /**
     * Orders two scalar values of the same type: numbers numerically, strings by their UTF-8 bytes, binary by
     * unsigned bytes. Callers check the types match (key attributes always do).
     */
    public static int compare(JsonNode a, JsonNode b) {
        String type = type(a);
        return switch (type) {
            case "N" -> new BigDecimal(a.get("N").asText()).compareTo(new BigDecimal(b.get("N").asText()));
            case "S" -> compareUtf8(a.get("S").asText(), b.get("S").asText());
            case "B" -> Arrays.compareUnsigned(bytes(a.get("B")), bytes(b.get("B")));
            default -> throw new IllegalArgumentException("values of type " + type + " have no order");
        };
    }

    /** UTF-8 byte order equals code point order, so no bytes need to be allocated. */
    static int compareUtf8(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Boolean.compare(i < a.length(), j < b.length());
    }

    static byte[] bytes(JsonNode base64) {
        return Base64.getMimeDecoder().decode(base64.asText());
    }

    /** Equality as DynamoDB compares values: numbers numerically, sets regardless of order. */
    public static boolean equal(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return false;
        }
        String type = type(a);
        if (type == null || !type.equals(type(b))) {
            return false;
        }
        JsonNode x = a.get(type);
        JsonNode y = b.get(type);
        return switch (type) {
            case "N" -> compare(a, b) == 0;
            case "B" -> Arrays.equals(bytes(x), bytes(y));
            case "BOOL" -> x.asBoolean() == y.asBoolean();
            case "NULL" -> true;
            case "SS", "NS", "BS" -> x.size() == y.size() && containsAll(type, x, y);
            case "L" -> listsEqual(x, y);
            case "M" -> mapsEqual(x, y);
            default -> x.asText().equals(y.asText());
        };
    }

    private static boolean containsAll(String setType, JsonNode set, JsonNode members) {
        for (JsonNode member : members) {
            if (!setContains(setType, set, member)) {
                return false;
            }
        }
        return true;
    }

    /** Whether a set ({@code set} is the JSON array of an SS/NS/BS) holds the member (the bare JSON string). */
    static boolean setContains(String setType, JsonNode set, JsonNode member) {
        String text = member.asText();
        switch (setType) {
            case "NS" -> {
                BigDecimal number = new BigDecimal(text);
                for (JsonNode candidate : set) {
                    if (new BigDecimal(candidate.asText()).compareTo(number) == 0) {
                        return true;
                    }
                }
            }
            case "BS" -> {
                byte[] bytes = bytes(member);
                for (JsonNode candidate : set) {
                    if (candidate.asText().equals(text) || Arrays.equals(bytes(candidate), bytes)) {
                        return true;
                    }
                }
            }
            default -> {
                for (JsonNode candidate : set) {
                    if (candidate.asText().equals(text)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean listsEqual(JsonNode x, JsonNode y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (int i = 0; i < x.size(); i++) {
            if (!equal(x.get(i), y.get(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean mapsEqual(JsonNode x, JsonNode y) {
        if (x.size() != y.size()) {
            return false;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = x.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!equal(e.getValue(), y.get(e.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The {@code size()} function: string length, binary bytes, member count; -1 for types without a size. */
    static long size(JsonNode value) {
        String type = type(value);
        if (type == null) {
            return -1;
        }
        JsonNode content = value.get(type);
        return switch (type) {
            case "S" -> content.asText().codePointCount(0, content.asText().length());
            case "B" -> bytes(content).length;
            case "SS", "NS", "BS", "L", "M" -> content.size();
            default -> -1;
        };
    }

    /** DynamoDB's item size: attribute name UTF-8 bytes plus value sizes. See {@link ItemSize}. */
    public static long itemSize(ObjectNode item) {
        return ItemSize.of(item);
    }

    /** One value's size as DynamoDB counts it (without its attribute name). */
    public static long valueSize(JsonNode value) {
        return ItemSize.ofValue(value);
    }

    static long numberSize(String text) {
        return ItemSize.ofNumber(text);
    }

    static long utf8Length(String s) {
        return ItemSize.utf8Length(s);
    }

    /**
     * The value as DynamoDB returns it: numbers (also in sets, lists and maps) in canonical form, set members in
     * DynamoDB's order (strings and binary by their bytes, numbers by value), and a NULL as {@code {"NULL": true}}
     * (a request's {@code {"NULL": false}} is refused before it gets here).
     */
    public static JsonNode normalize(JsonNode value) {
        String type = type(value);
        if (type == null) {
            return value;
        }
        JsonNode content = value.get(type);
        switch (type) {
            case "N":
                return number(canonicalNumber(new BigDecimal(content.asText())));
            case "NULL":
                return content.asBoolean() ? value : JSON.objectNode().put("NULL", true);
            case "NS": {
                ObjectNode result = JSON.objectNode();
                ArrayNode members = result.putArray("NS");
                List<BigDecimal> numbers = new ArrayList<>();
                content.forEach(m -> numbers.add(new BigDecimal(m.asText())));
                numbers.sort(BigDecimal::compareTo);
                numbers.forEach(number -> members.add(canonicalNumber(number)));
                return result;
            }
            case "SS":
            case "BS": {
                // DynamoDB keeps a set's members in its own order, whatever order they were written in
                List<JsonNode> sorted = new ArrayList<>();
                content.forEach(sorted::add);
                String scalar = type.substring(0, 1);
                sorted.sort((a, b) -> compare(JSON.objectNode().set(scalar, a), JSON.objectNode().set(scalar, b)));
                ObjectNode result = JSON.objectNode();
                result.putArray(type).addAll(sorted);
                return result;
            }
            case "L": {
                ObjectNode result = JSON.objectNode();
                ArrayNode members = result.putArray("L");
                content.forEach(m -> members.add(normalize(m)));
                return result;
            }
            case "M": {
                ObjectNode result = JSON.objectNode();
                ObjectNode members = result.putObject("M");
                content.fields().forEachRemaining(e -> members.set(e.getKey(), normalize(e.getValue())));
                return result;
            }
            default:
                return value;
        }
    }

    /** {@link #normalize} applied to every attribute of an item. */
    public static ObjectNode normalizeItem(ObjectNode item) {
        ObjectNode result = JSON.objectNode();
        item.fields().forEachRemaining(e -> result.set(e.getKey(), normalize(e.getValue())));
        return result;
    }
}
