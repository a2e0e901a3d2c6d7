package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import java.io.IOException;
import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON types of a SearchVectors request. DynamoDB serves SearchVectors from a front end of its own, whose
 * deserializer words its refusals differently from the other operations': a required member sent as null is a
 * SerializationException {@code invalid type: null, expected a string at line 1 column 42}, a required member left
 * out a ValidationException {@code missing field `TableName` at line 1 column 57} (reported once the whole body
 * is read, so at its end), and a member of another JSON type is refused in the same words, naming what was sent.
 * Optional members may be null. The position is the line, and the bytes of that line read when the deserializer
 * stopped.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_SearchVectors.html">SearchVectors</a>
 */
final class SearchVectorsWire {

    static final String TARGET = "DynamoDB_20120810.SearchVectors";

    /** The required members, in the order DynamoDB's model lists them: the first one missing is reported. */
    private static final List<String> REQUIRED = List.of("TableName", "IndexName", "SearchVector", "TopK");

    private enum Type {
        STRING("a string"), SEQUENCE("a sequence"), I32("i32"), MAP("a map"), STRING_MAP("a map");

        private final String expected;

        Type(String expected) {
            this.expected = expected;
        }
    }

    private static final Map<String, Type> MEMBERS = Map.of("TableName", Type.STRING, "IndexName", Type.STRING,
            "ReturnConsumedCapacity", Type.STRING, "ExpressionAttributeNames", Type.STRING_MAP,
            "ExpressionAttributeValues", Type.MAP, "ProjectionExpression", Type.STRING, "SearchVector", Type.SEQUENCE,
            "SearchConditionExpression", Type.STRING, "TopK", Type.I32);

    private static final BigInteger I32_MIN = BigInteger.valueOf(Integer.MIN_VALUE);
    private static final BigInteger I32_MAX = BigInteger.valueOf(Integer.MAX_VALUE);

    private SearchVectorsWire() {
    }

    /** Checks the body, already known to be a JSON object, member by member in the order sent. */
    static void check(byte[] body) {
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(body)) {
            parser.nextToken();
            Set<String> present = new HashSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                JsonToken token = parser.nextToken();
                Type type = MEMBERS.get(name);
                if (type == null) {
                    parser.skipChildren();
                    continue;
                }
                if (token == JsonToken.VALUE_NULL) {
                    if (REQUIRED.contains(name)) {
                        throw invalidType("null", type, parser);
                    }
                    continue;
                }
                checkType(parser, token, type);
                present.add(name);
            }
            for (String member : REQUIRED) {
                if (!present.contains(member)) {
                    throw ApiException.validation("missing field `" + member + "` at " + position(parser, 1));
                }
            }
        } catch (IOException e) {
            throw ApiException.serialization(null);
        }
    }

    private static void checkType(JsonParser parser, JsonToken token, Type type) throws IOException {
        switch (type) {
            case STRING -> {
                if (token != JsonToken.VALUE_STRING) {
                    throw invalidType(unexpected(parser, token), type, parser);
                }
            }
            case SEQUENCE -> {
                if (token != JsonToken.START_ARRAY) {
                    throw invalidType(unexpected(parser, token), type, parser);
                }
                parser.skipChildren();
            }
            case MAP, STRING_MAP -> {
                if (token != JsonToken.START_OBJECT) {
                    throw invalidType(unexpected(parser, token), type, parser);
                }
                if (type == Type.MAP) {
                    parser.skipChildren();
                    return;
                }
                while (parser.nextToken() == JsonToken.FIELD_NAME) {
                    JsonToken value = parser.nextToken();
                    if (value != JsonToken.VALUE_STRING) {
                        throw invalidType(unexpected(parser, value), Type.STRING, parser);
                    }
                }
            }
            case I32 -> {
                if (token != JsonToken.VALUE_NUMBER_INT) {
                    throw invalidType(unexpected(parser, token), type, parser);
                }
                BigInteger value = parser.getBigIntegerValue();
                if (value.compareTo(I32_MIN) < 0 || value.compareTo(I32_MAX) > 0) {
                    throw ApiException.serialization("invalid value: integer `" + value + "`, expected i32 at "
                            + position(parser, 1));
                }
            }
        }
    }

    private static ApiException invalidType(String unexpected, Type type, JsonParser parser) {
        // a structure or list is refused before the deserializer reads its opening bracket
        int unread = parser.currentToken() == JsonToken.START_OBJECT || parser.currentToken() == JsonToken.START_ARRAY
                ? 2 : 1;
        return ApiException.serialization("invalid type: " + unexpected + ", expected " + type.expected + " at "
                + position(parser, unread));
    }

    /** What was sent, in the deserializer's words: {@code string "x"}, {@code integer `5`}, {@code map}. */
    private static String unexpected(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case VALUE_STRING -> "string \"" + escaped(parser.getText()) + "\"";
            case VALUE_NUMBER_INT -> "integer `" + parser.getBigIntegerValue() + "`";
            case VALUE_NUMBER_FLOAT -> "floating point `" + floatingPoint(parser.getDoubleValue()) + "`";
            case VALUE_TRUE, VALUE_FALSE -> "boolean `" + parser.getText() + "`";
            case START_ARRAY -> "sequence";
            case START_OBJECT -> "map";
            default -> "null";
        };
    }

    /** A string as the deserializer quotes it: backslash escapes for quotes, backslashes and control characters. */
    private static String escaped(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case 0 -> out.append("\\0");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append("\\u{").append(Integer.toHexString(c)).append('}');
                    } else {
                        out.appendCodePoint(c);
                    }
                }
            }
        });
        return out.toString();
    }

    /** A double as the deserializer prints it: always with a decimal point, never with an exponent. */
    private static String floatingPoint(double value) {
        if (Double.isInfinite(value)) {
            return value > 0 ? "inf" : "-inf";
        }
        String plain = new java.math.BigDecimal(Double.toString(value)).toPlainString();
        return plain.contains(".") ? plain : plain + ".0";
    }

    /**
     * {@code line L column C}: C counts the bytes of the line read when the deserializer stopped; the parser's
     * location is just past the current token, and {@code unread} says how far before it that was.
     */
    private static String position(JsonParser parser, int unread) {
        JsonLocation location = parser.currentLocation();
        return "line " + location.getLineNr() + " column " + (location.getColumnNr() - unread);
    }
}
