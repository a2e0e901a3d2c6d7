package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;
import static io.jets.dynamodb.local.internal.expr.TestJson.node;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;

/** When an update has several mistakes, DynamoDB reports them in a fixed order; so do we. */
class UpdateValidationOrderTest {

    private static final String VALUES = "{':a':{'S':'a'},':b':{'S':'a'}}";
    private static final String NAMES = "{'#a':'a','#b':'b'}";

    private static void update(String expression, String names, String values) {
        Expressions.update(expression, ctx(names, values));
    }

    @Test
    void reservedWord_beforeRepeatedSection() {
        assertValidation(() -> update(" set #c = :c set abOrt = true ", NAMES, VALUES),
                "Invalid UpdateExpression: Attribute name is a reserved keyword; reserved keyword: abOrt");
    }

    @Test
    void unknownFunction_beforeRepeatedSection() {
        assertValidation(() -> update("set #c = if_not_exist(:c) set c = d", NAMES, VALUES),
                "Invalid UpdateExpression: Invalid function name; function: if_not_exist");
    }

    @Test
    void repeatedSection_namesTheSection() {
        assertValidation(() -> update("remove #a set a = b remove e", NAMES, VALUES),
                "Invalid UpdateExpression: The \"REMOVE\" section can only be used once in an update expression;");
    }

    @Test
    void undefinedName_beforeUndefinedValue_beforeOperandCount() {
        assertValidation(() -> update("SET #c = if_not_exists(:c)", NAMES, VALUES), "Invalid UpdateExpression: An "
                + "expression attribute name used in the document path is not defined; attribute name: #c");
        assertValidation(() -> update("SET #a = if_not_exists(:c)", NAMES, VALUES), "Invalid UpdateExpression: An "
                + "expression attribute value used in expression is not defined; attribute value: :c");
        assertValidation(() -> update("SET a = :x, #z = :y", "{'#q':'q'}", "{':q':{'S':'q'}}"),
                "Invalid UpdateExpression: An expression attribute name used in the document path is not defined; "
                        + "attribute name: #z");
    }

    @Test
    void overlap_beforeConflict_beforeOperandCount() {
        assertValidation(() -> update("set d[1] = a, d.b = a, c[1].a = a, #c = if_not_exists(a)",
                        "{'#c':'c','#d':'[3]'}", null),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one "
                        + "of these paths; path one: [c, [1], a], path two: [c]");
        assertValidation(() -> update("set #c[3].#d = a, #c.#d[3] = if_not_exists(a)", "{'#c':'c','#d':'[3]'}", null),
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one "
                        + "of these paths; path one: [c, [3], [3]], path two: [c, [3], [3]]");
        assertValidation(() -> update("remove a.#c set a[1] = #d", "{'#c':'c','#d':'[3]'}", null),
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one "
                        + "of these paths; path one: [a, c], path two: [a, [1]]");
    }

    @Test
    void addOperandType_beforeFunctionMistakes() {
        assertValidation(() -> update("set b = list_append(:a, a), c = if_not_exists(a) add a.b :a", null,
                "{':a':{'S':'a'}}"), "Invalid UpdateExpression: Incorrect operand type for operator or function; "
                + "operator: ADD, operand type: STRING");
    }

    @Test
    void operandCount_andDocumentPath() {
        assertValidation(() -> update("set a = list_append(c)", null, null), "Invalid UpdateExpression: Incorrect "
                + "number of operands for operator or function; operator or function: list_append, number of "
                + "operands: 1");
        assertValidation(() -> update("set a = if_not_exists(:a, c)", null, "{':a':{'S':'a'}}"),
                "Invalid UpdateExpression: Operator or function requires a document path; operator or function: "
                        + "if_not_exists");
    }

    @Test
    void valuesGivenToListAppendAndArithmetic_mustHaveTheRightType() {
        String values = "{':a':{'S':'a'},':b':{'N':'1'},':c':{'B':'YQ=='},':j':{'L':[]}}";
        assertValidation(() -> update("set a = list_append(:a, a)", null, values), "Invalid UpdateExpression: "
                + "Incorrect operand type for operator or function; operator or function: list_append, operand type: S");
        assertValidation(() -> update("set a = list_append(a, :b)", null, values), "Invalid UpdateExpression: "
                + "Incorrect operand type for operator or function; operator or function: list_append, operand type: N");
        assertValidation(() -> update("set a = :a + :c", null, values), "Invalid UpdateExpression: "
                + "Incorrect operand type for operator or function; operator or function: +, operand type: S");
        assertValidation(() -> update("set a = a - :j", null, values), "Invalid UpdateExpression: "
                + "Incorrect operand type for operator or function; operator or function: -, operand type: L");
    }

    @Test
    void pathsThroughMissingOrWrongKindOfParents_areInvalidForEveryAction() {
        ObjectNode existing = obj("{'id':{'S':'k'},'b':{'S':'a'},'c':{'M':{'1':{'S':'a'}}},"
                + "'d':{'L':[{'S':'a'},{'S':'b'}]}}");
        String[] expressions = {"set b.a = :a", "set y[1] = :a", "set c[1] = :a", "set d.#1 = :a",
            "remove b.a", "remove y.a", "remove c[1]", "remove d.#1",
            "delete b.a :a", "delete y[1] :a", "delete d.#1 :a",
            "add y.a :a", "add c[1] :a", "add d.#1 :a"};
        for (String expression : expressions) {
            assertValidation(() -> Expressions.update(expression, ctx("{'#1':'1'}", "{':a':{'SS':['a']}}"))
                            .apply(existing, obj("{'id':{'S':'k'}}"), Set.of("id")),
                    "The document path provided in the update expression is invalid for update");
        }
    }

    @Test
    void legacyTypeMismatch_hasItsOwnMessage() {
        ObjectNode existing = obj("{'id':{'S':'k'},'b':{'SS':['1']},'c':{'N':'1'},'d':{'NS':['1']}}");
        String[] updates = {"{'b':{'Action':'DELETE','Value':{'NS':['1']}}}",
            "{'c':{'Action':'DELETE','Value':{'NS':['1']}}}", "{'b':{'Action':'ADD','Value':{'NS':['1']}}}",
            "{'d':{'Action':'ADD','Value':{'N':'1'}}}"};
        for (String update : updates) {
            assertValidation(() -> Legacy.attributeUpdates(node(update))
                    .apply(existing, obj("{'id':{'S':'k'}}"), Set.of("id")), "Type mismatch for attribute to update");
        }
    }
}
