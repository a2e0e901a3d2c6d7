package io.jets.dynamodb.local.internal.expr;

import org.junit.jupiter.api.Test;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;

class ExpressionErrorsTest {

    private static void condition(String expression, String values) {
        Expressions.condition(expression, ctx(null, values));
    }

    @Test
    void syntaxError_namesTheTokenAndItsNeighbours() {
        assertValidation(() -> condition("a = = :v", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
        assertValidation(() -> Expressions.update("ADD hits : incr", ctx(null, "{':incr':{'N':'1'}}")),
                "Invalid UpdateExpression: Syntax error; token: \":\", near: \"hits : incr\"");
        assertValidation(() -> Expressions.update("INVALID SYNTAX HERE", ctx(null, null)),
                "Invalid UpdateExpression: Syntax error; token: \"INVALID\", near: \"INVALID SYNTAX\"");
    }

    @Test
    void syntaxError_atTheEnd_isEof() {
        assertValidation(() -> condition("a =", null),
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
        assertValidation(() -> condition("(a = :v", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: Syntax error; token: \"<EOF>\", near: \":v\"");
    }

    @Test
    void numberLiterals_areSyntaxErrors() {
        assertValidation(() -> condition("a > 4", null),
                "Invalid ConditionExpression: Syntax error; token: \"4\", near: \"> 4\"");
    }

    @Test
    void emptyExpression_isRefused() {
        assertValidation(() -> condition("  ", null), "Invalid ConditionExpression: The expression can not be empty;");
        assertValidation(() -> Expressions.update("", ctx(null, null)),
                "Invalid UpdateExpression: The expression can not be empty;");
        assertValidation(() -> Expressions.projection("", ctx(null, null)),
                "Invalid ProjectionExpression: The expression can not be empty;");
    }

    @Test
    void reservedWord_mustBeEscaped() {
        assertValidation(() -> condition("name = :v", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: name");
        assertValidation(() -> condition("a.Status = :v", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: Attribute name is a reserved keyword; reserved keyword: Status");
        assertValidation(() -> Expressions.projection("id, size", ctx(null, null)),
                "Invalid ProjectionExpression: Attribute name is a reserved keyword; reserved keyword: size");
    }

    @Test
    void reservedWordList_isDynamoDbsFullList() {
        org.assertj.core.api.Assertions.assertThat(ReservedWords.count()).isEqualTo(573);
        org.assertj.core.api.Assertions.assertThat(ReservedWords.isReserved("zone")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ReservedWords.isReserved("abort")).isTrue();
        org.assertj.core.api.Assertions.assertThat(ReservedWords.isReserved("orders")).isFalse();
    }

    @Test
    void undefinedPlaceholders_areNamed() {
        assertValidation(() -> condition("a = :v", null), "Invalid ConditionExpression: An expression attribute "
                + "value used in expression is not defined; attribute value: :v");
        assertValidation(() -> condition("#a = :v", "{':v':{'S':'x'}}"), "Invalid ConditionExpression: An "
                + "expression attribute name used in the document path is not defined; attribute name: #a");
        assertValidation(() -> Expressions.update("SET #s = :v", ctx("{'#x':'x'}", "{':v':{'S':'x'}}")),
                "Invalid UpdateExpression: An expression attribute name used in the document path is not "
                        + "defined; attribute name: #s");
    }

    @Test
    void unusedPlaceholders_areListed() {
        ExpressionContext values = ctx(null, "{':v':{'S':'x'},':w':{'S':'y'},':z':{'S':'z'}}");
        Expressions.condition("a = :w", values);
        assertValidation(values::verifyAllUsed,
                "Value provided in ExpressionAttributeValues unused in expressions: keys: {:v, :z}");
        ExpressionContext names = ctx("{'#n':'n'}", "{':v':{'S':'x'}}");
        Expressions.condition("a = :v", names);
        assertValidation(names::verifyAllUsed,
                "Value provided in ExpressionAttributeNames unused in expressions: keys: {#n}");
    }

    @Test
    void placeholderMaps_areValidated() {
        assertValidation(() -> ctx("{}", null), "ExpressionAttributeNames must not be empty");
        assertValidation(() -> ctx(null, "{}"), "ExpressionAttributeValues must not be empty");
        assertValidation(() -> ctx("{'a':'a'}", null),
                "ExpressionAttributeNames contains invalid key: Syntax error; key: \"a\"");
        assertValidation(() -> ctx(null, "{'a':{'S':'b'}}"),
                "ExpressionAttributeValues contains invalid key: Syntax error; key: \"a\"");
        assertValidation(() -> ctx(null, "{':a':{'SS':[]}}"), "ExpressionAttributeValues contains invalid value: "
                + "One or more parameter values were invalid: An string set  may not be empty for key :a");
    }

    @Test
    void functions_wrongNameArityOrPlace() {
        assertValidation(() -> condition("nope(a)", null),
                "Invalid ConditionExpression: Invalid function name; function: nope");
        assertValidation(() -> condition("attribute_exists(a, b)", null), "Invalid ConditionExpression: "
                + "Incorrect number of operands for operator or function; operator or function: attribute_exists, "
                + "number of operands: 2");
        assertValidation(() -> condition("if_not_exists(a, :v) = :v", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: The function is not allowed in a condition expression; function: "
                        + "if_not_exists");
        assertValidation(() -> Expressions.update("SET a = size(b)", ctx(null, null)),
                "Invalid UpdateExpression: Invalid function name; function: size");
        assertValidation(() -> condition("attribute_exists(:v)", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: Operator or function requires a document path; operator or function: "
                        + "attribute_exists");
    }

    @Test
    void orderingComparison_withAValueThatHasNoOrder_isRefused() {
        assertValidation(() -> condition("a < :v", "{':v':{'BOOL':true}}"),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                        + "function: <, operand type: BOOL");
        assertValidation(() -> condition(":v >= a", "{':v':{'NULL':true}}"),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                        + "function: >=, operand type: NULL");
        assertValidation(() -> condition("a BETWEEN :v AND :v", "{':v':{'BOOL':false}}"),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                        + "function: BETWEEN, operand type: BOOL");
        condition("a = :v", "{':v':{'BOOL':true}}");
        condition("a < :v", "{':v':{'S':'x'}}");
    }

    @Test
    void functionOperandTypes_areCheckedAgainstTheValues() {
        assertValidation(() -> condition("begins_with(a, :v)", "{':v':{'N':'1'}}"),
                "Invalid ConditionExpression: Incorrect operand type for operator or function; operator or "
                        + "function: begins_with, operand type: N");
        assertValidation(() -> condition("attribute_type(a, :v)", "{':v':{'S':'STRING'}}"),
                "Invalid ConditionExpression: Invalid attribute type name found; type: STRING, valid types: "
                        + "{B,NULL,SS,BOOL,L,BS,N,NS,S,M}");
    }

    @Test
    void betweenBounds_mustBeOrderedAndOfOneType() {
        assertValidation(() -> condition("a BETWEEN :b AND :a", "{':a':{'S':'a'},':b':{'N':'1'}}"),
                "Invalid ConditionExpression: The BETWEEN operator requires same data type for lower and upper "
                        + "bounds; lower bound operand: AttributeValue: {N:1}, upper bound operand: AttributeValue: "
                        + "{S:a}");
        assertValidation(() -> condition("a BETWEEN :b AND :a", "{':a':{'S':'a'},':b':{'S':'b'}}"),
                "Invalid ConditionExpression: The BETWEEN operator requires upper bound to be greater than or "
                        + "equal to lower bound; lower bound operand: AttributeValue: {S:b}, upper bound operand: "
                        + "AttributeValue: {S:a}");
    }

    @Test
    void in_acceptsAtMostOneHundredOperands() {
        StringBuilder list = new StringBuilder(":v");
        for (int i = 0; i < 100; i++) {
            list.append(", :v");
        }
        assertValidation(() -> condition("a IN (" + list + ")", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: The IN operator is provided with too many operands; number of "
                        + "operands: 101");
    }

    @Test
    void syntaxErrors_winOverReservedWords() {
        assertValidation(() -> condition("name = = :v", "{':v':{'S':'x'}}"),
                "Invalid ConditionExpression: Syntax error; token: \"=\", near: \"= = :v\"");
    }

    @Test
    void expressionsLongerThan4096Bytes_areRefused() {
        String longest = "a" + " ".repeat(4091) + "= :v";
        org.assertj.core.api.Assertions.assertThatCode(() -> condition(longest, "{':v':{'S':'x'}}"))
                .doesNotThrowAnyException();
        assertValidation(() -> Expressions.filter(longest + " ", ctx(null, "{':v':{'S':'x'}}")),
                "Invalid FilterExpression: Expression size has exceeded the maximum allowed size; expression size: "
                        + "4097");
    }
}
