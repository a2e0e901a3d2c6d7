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
            throw ApiException.validation(ExpressionKind.UPDATE.invalid(
                    "The provided expression refers to an attribute that does not exist in the item"));
        }
        return value;
    }

    static ApiException incorrectType() {
        return ApiException.validation("An operand in the update expression has an incorrect data type");
    }

    static ApiException invalidPath() {
        return ApiException.validation("The document path provided in the update expression is invalid for update");
    }

    /** A number result, refused as DynamoDB refuses it when beyond 38 digits or the supported magnitude. */
    static JsonNode checkedNumber(BigDecimal value) {
        String text = AttributeValues.canonicalNumber(value);
        AttributeValues.validateNumber(text);
        return AttributeValues.number(text);
    }
}
