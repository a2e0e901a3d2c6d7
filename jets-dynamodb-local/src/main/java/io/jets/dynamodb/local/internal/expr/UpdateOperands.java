package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;

import java.math.BigDecimal;

/** The errors and checks shared by update actions and the operands only updates use. */
final class UpdateOperands {

    private UpdateOperands() {
    }

    static JsonNode required(Operand operand, ObjectNode item) {
        JsonNode value = operand.eval(item);
        if (value == null) {
            // unlike the syntax and operand errors, DynamoDB words this one without "Invalid UpdateExpression: "
            throw ApiException.validation(
                    "The provided expression refers to an attribute that does not exist in the item");
        }
        return value;
    }

    static ApiException incorrectType() {
        return ApiException.validation("An operand in the update expression has an incorrect data type");
    }

    static ApiException invalidPath() {
        return ApiException.validation("The document path provided in the update expression is invalid for update");
    }

    /**
     * A number result, refused as DynamoDB refuses it beyond the supported magnitude; a result that needs more
     * than 38 digits is reported as an overflow too, as DynamoDB reports it for arithmetic.
     */
    static JsonNode checkedNumber(BigDecimal value) {
        String text = AttributeValues.canonicalNumber(value);
        if (value.signum() != 0 && value.stripTrailingZeros().precision() > 38) {
            throw ApiException.validation(
                    "Number overflow. Attempting to store a number with magnitude larger than supported range");
        }
        AttributeValues.validateNumber(text);
        return AttributeValues.number(text);
    }
}
