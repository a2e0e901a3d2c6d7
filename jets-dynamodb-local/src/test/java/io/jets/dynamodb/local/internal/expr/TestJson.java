package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import org.assertj.core.api.ThrowableAssert;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** DynamoDB JSON written with single quotes, for readable tests. */
final class TestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TestJson() {
    }

    static ObjectNode obj(String singleQuoted) {
        return (ObjectNode) node(singleQuoted);
    }

    static JsonNode node(String singleQuoted) {
        try {
            return MAPPER.readTree(singleQuoted.replace('\'', '"'));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(singleQuoted, e);
        }
    }

    static ExpressionContext ctx(String namesOrNull, String valuesOrNull) {
        return ExpressionContext.of(namesOrNull == null ? null : obj(namesOrNull),
                valuesOrNull == null ? null : obj(valuesOrNull));
    }

    static void assertValidation(ThrowableAssert.ThrowingCallable call, String message) {
        assertThatThrownBy(call)
                .isInstanceOf(ApiException.class)
                .hasMessage(message)
                .extracting(e -> ((ApiException) e).type())
                .isEqualTo("com.amazon.coral.validate#ValidationException");
    }
}
