package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import java.math.BigDecimal;

/**
 * Parameters as DynamoDB reads them before it reads the statement: in document order, the first value nested too
 * deep or a number that does not convert stops the request, with messages that differ from those PutItem gives
 * for the same values.
 */
final class PartiQlParameters {

    private static final int MAX_NESTING = 32;

    private PartiQlParameters() {
    }

    static void check(JsonNode parameters) {
        parameters.forEach(parameter -> checkParameter(parameter, 0));
    }

    private static void checkParameter(JsonNode value, int depth) {
        if (value == null || !value.isObject() || value.isEmpty()) {
            throw ApiException.validation(
                    "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        }
        String type = value.fieldNames().next();
        JsonNode content = value.get(type);
        switch (type) {
            case "N" -> checkNumber(content.asText());
            case "NS" -> content.forEach(member -> checkNumber(member.asText()));
            case "L", "M" -> {
                if (depth >= MAX_NESTING) {
                    throw ApiException.validation("Nesting Levels have exceeded supported limits: Attributes in the"
                            + " item have nested levels beyond supported limit");
                }
                content.forEach(member -> checkParameter(member, depth + 1));
            }
            default -> {
            }
        }
    }

    private static void checkNumber(String text) {
        BigDecimal number;
        try {
            number = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw ApiException.validation(text.isEmpty() ? "The parameter cannot be converted to a numeric value"
                    : "The parameter cannot be converted to a numeric value: " + text);
        }
        long magnitude = (long) number.precision() - number.scale();
        if (number.signum() != 0 && magnitude != (int) magnitude) {
            // DynamoDB works the magnitude out in 32 bits, so one this far out wraps around
            throw ApiException.validation((int) magnitude < 0
                    ? "Number underflow. Attempting to store a number with magnitude smaller than supported range"
                    : "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
    }
}
