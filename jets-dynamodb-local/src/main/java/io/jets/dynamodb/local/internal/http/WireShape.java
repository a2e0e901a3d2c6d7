package io.jets.dynamodb.local.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The wire type of a request member, and the SerializationException DynamoDB answers when the JSON sent for it has
 * another type. DynamoDB's deserializer names the JSON token it met and the type it wanted ({@code NUMBER_VALUE
 * cannot be converted to String}), and refuses a structure, map or list sent as a scalar in words that depend on
 * where it sits: as a member of a structure ({@code Unexpected field type}) or as an element of a list or a value
 * of a map ({@code Unexpected value type in payload}, or a cast failure for a list or map).
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html">Error
 *     handling with DynamoDB</a>
 */
sealed interface WireShape {

    /** The package of the classes DynamoDB names when a structure is sent as a list. */
    String MODEL = "com.amazonaws.dynamodb.v20120810.";

    String START_OF_STRUCTURE = "Start of structure or map found where not expected";
    String UNEXPECTED_FIELD = "Unexpected field type";
    String UNEXPECTED_VALUE = "Unexpected value type in payload";
    /** A list or map sent as a scalar where it is itself an element of a list or a value of a map. */
    String PARAMETERIZED_CAST = "class sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl cannot be cast to"
            + " class java.lang.Class (sun.reflect.generics.reflectiveObjects.ParameterizedTypeImpl and java.lang.Class"
            + " are in module java.base of loader 'bootstrap')";

    /**
     * Refuses {@code value} (never JSON null) unless it has this shape; {@code member} is true when it is the member
     * of a structure, false when it is an element of a list or a value of a map.
     */
    void check(JsonNode value, boolean member);

    static WireShape list(WireShape element) {
        return new ListOf(element);
    }

    static WireShape map(WireShape value, String javaType) {
        return new MapOf(value, javaType);
    }

    static ApiException refusal(String message) {
        return ApiException.serialization(message);
    }

    /** The JSON token DynamoDB's deserializer names when it cannot convert a scalar. */
    private static String token(JsonNode value) {
        if (value.isTextual()) {
            return "STRING_VALUE";
        }
        if (value.isBoolean()) {
            return value.booleanValue() ? "TRUE_VALUE" : "FALSE_VALUE";
        }
        return value.isIntegralNumber() ? "NUMBER_VALUE" : "DECIMAL_VALUE";
    }

    enum Scalar implements WireShape {
        STRING("String", "java.lang.String"),
        BOOLEAN("Boolean", "java.lang.Boolean"),
        INTEGER("Integer", "java.lang.Integer"),
        LONG("Long", "java.lang.Long"),
        BLOB("Blob", "java.nio.ByteBuffer");

        /** The words DynamoDB reads as a boolean when a string is sent for one; the operation interprets them. */
        private static final Set<String> BOOLEAN_WORDS = Set.of("true", "false", "yes", "no", "1", "0");

        private final String name;
        private final String javaClass;

        Scalar(String name, String javaClass) {
            this.name = name;
            this.javaClass = javaClass;
        }

        @Override
        public void check(JsonNode value, boolean member) {
            if (value.isArray()) {
                throw refusal("Unrecognized collection type class " + javaClass);
            }
            if (value.isObject()) {
                throw refusal(START_OF_STRUCTURE);
            }
            switch (this) {
                case STRING -> {
                    if (!value.isTextual()) {
                        throw refusal(token(value) + " cannot be converted to String");
                    }
                }
                case BOOLEAN -> {
                    if (value.isTextual()) {
                        if (!BOOLEAN_WORDS.contains(value.asText().toLowerCase(Locale.ROOT))) {
                            throw refusal("Unexpected token received from parser");
                        }
                    } else if (!value.isBoolean()) {
                        throw refusal(token(value) + " cannot be converted to Boolean");
                    }
                }
                case INTEGER, LONG -> {
                    if (!value.isNumber()) {
                        throw refusal(token(value) + " cannot be converted to " + name);
                    }
                }
                case BLOB -> {
                    if (!value.isTextual()) {
                        throw refusal("only base-64-encoded strings are convertible to bytes");
                    }
                    Base64Text.check(value.asText());
                }
            }
        }
    }

    record ListOf(WireShape element) implements WireShape {
        @Override
        public void check(JsonNode value, boolean member) {
            if (value.isObject()) {
                throw refusal(START_OF_STRUCTURE);
            }
            if (!value.isArray()) {
                throw refusal(member ? UNEXPECTED_FIELD : PARAMETERIZED_CAST);
            }
            for (JsonNode each : value) {
                if (!each.isNull()) {
                    element.check(each, false);
                }
            }
        }
    }

    /** A map from strings to {@code value}; {@code javaType} is the Java type DynamoDB names for its values. */
    record MapOf(WireShape value, String javaType) implements WireShape {
        @Override
        public void check(JsonNode node, boolean member) {
            if (node.isArray()) {
                throw refusal("Unrecognized collection type java.util.Map<java.lang.String, " + javaType + ">");
            }
            if (!node.isObject()) {
                throw refusal(member ? UNEXPECTED_FIELD : PARAMETERIZED_CAST);
            }
            for (JsonNode each : node) {
                if (!each.isNull()) {
                    value.check(each, false);
                }
            }
        }
    }

    /** A structure of DynamoDB's model class {@code className}; members it does not know are ignored. */
    record Structure(String className, Function<String, WireShape> members) implements WireShape {

        static Structure of(String className, Map<String, WireShape> members) {
            return new Structure(className, members::get);
        }

        @Override
        public void check(JsonNode value, boolean member) {
            if (value.isArray()) {
                throw refusal("Unrecognized collection type class " + MODEL + className);
            }
            if (!value.isObject()) {
                throw refusal(member ? UNEXPECTED_FIELD : UNEXPECTED_VALUE);
            }
            checkMembers(value);
        }

        /** The members in the order they were sent: the first one of the wrong type is reported. */
        void checkMembers(JsonNode structure) {
            for (Iterator<Map.Entry<String, JsonNode>> it = structure.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                WireShape shape = members.apply(entry.getKey());
                if (shape != null && !entry.getValue().isNull()) {
                    shape.check(entry.getValue(), true);
                }
            }
        }
    }
}
