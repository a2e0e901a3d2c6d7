package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

/** Parentheses, misused functions and the order in which DynamoDB reports a condition's mistakes. */
class ConditionValidationOrderTest {

    private static final String PREFIX = "Invalid ConditionExpression: ";

    private static Condition condition(String expression, String names, String values) {
        return Expressions.condition(expression, ctx(names, values));
    }

    @Test
    void parenthesizedOperands_areAllowed() {
        ObjectNode item = obj("{'a':{'N':'1'},'b':{'N':'2'}}");
        assertThat(condition("(a) < (b)", null, null).test(item)).isTrue();
        assertThat(condition("(a) BETWEEN (:lo) AND :hi", null, "{':lo':{'N':'0'},':hi':{'N':'1'}}").test(item))
                .isTrue();
        assertThat(condition("((a = :v) OR b = :v) AND (b = :w)", null, "{':v':{'N':'1'},':w':{'N':'2'}}")
                .test(item)).isTrue();
    }

    @Test
    void doubledParentheses_areRedundant() {
        assertValidation(() -> condition("((a = :v))", null, "{':v':{'N':'1'}}"),
                PREFIX + "The expression has redundant parentheses;");
        assertValidation(() -> condition("((a)) = :v", null, "{':v':{'N':'1'}}"),
                PREFIX + "The expression has redundant parentheses;");
        assertValidation(() -> condition("((a = :v)) AND nope(b)", null, "{':v':{'N':'1'}}"),
                PREFIX + "The expression has redundant parentheses;");
    }

    @Test
    void functionsUsedAsValues_orSizeUsedAsACondition_areMisused() {
        assertValidation(() -> condition("begins_with(a, :v) = :v", null, "{':v':{'S':'x'}}"),
                PREFIX + "The function is not allowed to be used this way in an expression; function: begins_with");
        assertValidation(() -> condition("size(a)", null, null),
                PREFIX + "The function is not allowed to be used this way in an expression; function: size");
        assertValidation(() -> condition("contains(attribute_type(a, :v), :v)", null, "{':v':{'S':'S'}}"),
                PREFIX + "The function is not allowed to be used this way in an expression; function: "
                        + "attribute_type");
    }

    @Test
    void unknownFunction_beforeMisusedFunction_beforeReservedWord() {
        assertValidation(() -> condition("name = size(a) AND begins_with(a, :v) = :v AND nope(a)", null,
                "{':v':{'S':'x'}}"), PREFIX + "Invalid function name; function: nope");
        assertValidation(() -> condition("name = :v AND begins_with(a, :v) = :v", null, "{':v':{'S':'x'}}"),
                PREFIX + "The function is not allowed to be used this way in an expression; function: begins_with");
    }

    @Test
    void reservedWord_beforeUndefinedPlaceholders() {
        assertValidation(() -> condition("#a = :a AND name = :v", null, null),
                PREFIX + "Attribute name is a reserved keyword; reserved keyword: name");
    }

    @Test
    void theFirstConditionWithAMistake_isReported() {
        assertValidation(() -> condition("contains(b, b) AND a = :undefined", null, "{':v':{'S':'x'}}"),
                PREFIX + "The first operand must be distinct from the remaining operands for this operator or "
                        + "function; operator: contains, first operand: [b]");
        assertValidation(() -> condition("a = :undefined AND contains(b, b)", null, "{':v':{'S':'x'}}"),
                PREFIX + "An expression attribute value used in expression is not defined; attribute value: "
                        + ":undefined");
    }

    @Test
    void withinACondition_placeholders_thenOperandCount_thenDistinct_thenTypes() {
        assertValidation(() -> condition("begins_with(#x, :v, :w)", null, "{':v':{'N':'1'}}"), PREFIX
                + "An expression attribute name used in the document path is not defined; attribute name: #x");
        assertValidation(() -> condition("begins_with(a, :v, :v)", null, "{':v':{'N':'1'}}"), PREFIX
                + "Incorrect number of operands for operator or function; operator or function: begins_with, "
                + "number of operands: 3");
        assertValidation(() -> condition("#a = a", "{'#a':'a'}", null), PREFIX + "The first operand must be "
                + "distinct from the remaining operands for this operator or function; operator: =, first operand: "
                + "[a]");
        assertValidation(() -> condition("begins_with(a, :v)", null, "{':v':{'N':'1'}}"), PREFIX
                + "Incorrect operand type for operator or function; operator or function: begins_with, operand "
                + "type: N");
    }

    @Test
    void sizeOfANumberValue_andAttributeTypeOfAPath_areRefused() {
        assertValidation(() -> condition("size(:v) > :v", null, "{':v':{'N':'1'}}"), PREFIX
                + "Incorrect operand type for operator or function; operator or function: size, operand type: N");
        assertValidation(() -> condition("attribute_type(a, b)", null, null), PREFIX + "Incorrect operand type for "
                + "operator or function; operator or function: attribute_type, operand type: "
                + "{NS,SS,L,BS,N,M,B,BOOL,NULL,S}");
    }

    @Test
    void namesStartingWithAnUnderscore_orKeywordsAsNames_areSyntaxErrors() {
        assertValidation(() -> condition("attribute_not_exists(_c)", null, null),
                PREFIX + "Syntax error; token: \"_\", near: \"(_c\"");
        assertValidation(() -> condition("a.between = :v", null, "{':v':{'N':'1'}}"),
                PREFIX + "Syntax error; token: \"between\", near: \".between =\"");
        assertValidation(() -> Expressions.update("set a=set", ctx(null, null)),
                "Invalid UpdateExpression: Syntax error; token: \"set\", near: \"=set\"");
    }

    @Test
    void updateValues_mayBeParenthesized() {
        ObjectNode item = obj("{'id':{'S':'k'},'b':{'N':'1'},'c':{'N':'2'}}");
        ObjectNode key = obj("{'id':{'S':'k'}}");
        assertThat(Expressions.update("SET a = (b + c)", ctx(null, null)).apply(item, key, java.util.Set.of("id"))
                .get("a")).isEqualTo(obj("{'N':'3'}"));
        assertThat(Expressions.update("SET a = (b) - (c), d = (:v)", ctx(null, "{':v':{'S':'x'}}"))
                .apply(item, key, java.util.Set.of("id")).get("a")).isEqualTo(obj("{'N':'-1'}"));
        assertValidation(() -> Expressions.update("set a = b + c + d", ctx(null, null)),
                "Invalid UpdateExpression: Syntax error; token: \"+\", near: \"c + d\"");
    }
}
