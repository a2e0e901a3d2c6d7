package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

class ConditionExpressionTest {

    private static final ObjectNode ITEM = obj("{'id':{'S':'x'},'n':{'N':'10'},'s':{'S':'hello'},"
            + "'b':{'B':'AQID'},'ss':{'SS':['a','b']},'ns':{'NS':['1','2.5']},'l':{'L':[{'S':'a'},{'N':'1'}]},"
            + "'m':{'M':{'nest':{'M':{'deep':{'L':[{'N':'0'},{'N':'1'},{'M':{'c':{'S':'found'}}}]}}}}},"
            + "'flag':{'BOOL':true},'nothing':{'NULL':true}}");

    private static boolean test(String expression, String values) {
        return Expressions.condition(expression, ctx(null, values)).test(ITEM);
    }

    @Test
    void comparators_compareNumbersNumericallyAndStringsByBytes() {
        String v = "{':ten':{'N':'10.0'},':nine':{'N':'9'},':s':{'S':'hellp'}}";
        assertThat(test("n = :ten", v)).isTrue();
        assertThat(test("n <> :ten", v)).isFalse();
        assertThat(test("n > :nine", v)).isTrue();
        assertThat(test("n >= :ten", v)).isTrue();
        assertThat(test("n < :nine", v)).isFalse();
        assertThat(test("n <= :ten", v)).isTrue();
        assertThat(test("s < :s", v)).isTrue();
        assertThat(test(":nine < n", v)).isTrue();
    }

    @Test
    void comparingDifferentTypes_isFalse_butNotEqualIsTrue() {
        String v = "{':s':{'S':'10'}}";
        assertThat(test("n = :s", v)).isFalse();
        assertThat(test("n < :s", v)).isFalse();
        assertThat(test("n >= :s", v)).isFalse();
        assertThat(test("n <> :s", v)).isTrue();
    }

    @Test
    void absentAttribute_comparesFalse_andIsNotEqualToAnything() {
        String v = "{':v':{'N':'1'}}";
        assertThat(test("absent = :v", v)).isFalse();
        assertThat(test("absent < :v", v)).isFalse();
        assertThat(test("absent <> :v", v)).isTrue();
        assertThat(Expressions.condition("id <> :v", ctx(null, v)).test(null)).isTrue();
        assertThat(Expressions.condition("attribute_not_exists(id)", ctx(null, null)).test(null)).isTrue();
    }

    @Test
    void between_isInclusive() {
        assertThat(test("n BETWEEN :a AND :b", "{':a':{'N':'10'},':b':{'N':'20'}}")).isTrue();
        assertThat(test("n between :a and :b", "{':a':{'N':'1'},':b':{'N':'10'}}")).isTrue();
        assertThat(test("n BETWEEN :a AND :b", "{':a':{'N':'11'},':b':{'N':'20'}}")).isFalse();
    }

    @Test
    void in_matchesAnyCandidate() {
        assertThat(test("s IN (:a, :b)", "{':a':{'S':'x'},':b':{'S':'hello'}}")).isTrue();
        assertThat(test("s IN (:a)", "{':a':{'S':'x'}}")).isFalse();
        assertThat(test("absent IN (:a)", "{':a':{'S':'x'}}")).isFalse();
    }

    @Test
    void logicalOperators_followPrecedence_notBeforeAndBeforeOr() {
        String v = "{':t':{'S':'x'},':f':{'S':'nope'}}";
        // OR binds loosest: true OR (false AND false)
        assertThat(test("id = :t OR id = :f AND id = :f", v)).isTrue();
        // parentheses override: (true OR false) AND false
        assertThat(test("(id = :t OR id = :f) AND id = :f", v)).isFalse();
        assertThat(test("NOT id = :f AND id = :t", v)).isTrue();
        assertThat(test("NOT (id = :t AND id = :t)", v)).isFalse();
        assertThat(test("not not id = :t", v)).isTrue();
    }

    @Test
    void functions_existenceAndType() {
        assertThat(test("attribute_exists(id)", null)).isTrue();
        assertThat(test("attribute_exists(absent)", null)).isFalse();
        assertThat(test("attribute_not_exists(absent)", null)).isTrue();
        assertThat(test("attribute_exists(m.nest.deep[2].c)", null)).isTrue();
        assertThat(test("attribute_exists(m.nest.deep[3])", null)).isFalse();
        assertThat(test("attribute_type(ns, :t)", "{':t':{'S':'NS'}}")).isTrue();
        assertThat(test("attribute_type(nothing, :t)", "{':t':{'S':'NULL'}}")).isTrue();
        assertThat(test("attribute_type(n, :t)", "{':t':{'S':'S'}}")).isFalse();
    }

    @Test
    void beginsWith_onStringsAndBinary() {
        assertThat(test("begins_with(s, :p)", "{':p':{'S':'hel'}}")).isTrue();
        assertThat(test("begins_with(s, :p)", "{':p':{'S':'el'}}")).isFalse();
        assertThat(test("begins_with(b, :p)", "{':p':{'B':'AQ=='}}")).isTrue();
        assertThat(test("begins_with(n, :p)", "{':p':{'S':'1'}}")).isFalse();
    }

    @Test
    void contains_onStringsSetsAndLists() {
        assertThat(test("contains(s, :v)", "{':v':{'S':'ell'}}")).isTrue();
        assertThat(test("contains(ss, :v)", "{':v':{'S':'b'}}")).isTrue();
        assertThat(test("contains(ss, :v)", "{':v':{'S':'c'}}")).isFalse();
        assertThat(test("contains(ns, :v)", "{':v':{'N':'2.50'}}")).isTrue();
        assertThat(test("contains(l, :v)", "{':v':{'N':'1'}}")).isTrue();
        assertThat(test("contains(l, :v)", "{':v':{'S':'1'}}")).isFalse();
        assertThat(test("contains(n, :v)", "{':v':{'N':'1'}}")).isFalse();
    }

    @Test
    void size_ofStringsSetsListsMapsAndBinary() {
        assertThat(test("size(s) = :v", "{':v':{'N':'5'}}")).isTrue();
        assertThat(test("size(ss) = :v", "{':v':{'N':'2'}}")).isTrue();
        assertThat(test("size(l) = :v", "{':v':{'N':'2'}}")).isTrue();
        assertThat(test("size(m) = :v", "{':v':{'N':'1'}}")).isTrue();
        assertThat(test("size(b) = :v", "{':v':{'N':'3'}}")).isTrue();
        assertThat(test("size(n) = :v", "{':v':{'N':'2'}}")).isFalse();
        assertThat(test(":v < size(m.nest.deep)", "{':v':{'N':'2'}}")).isTrue();
    }

    @Test
    void namePlaceholders_resolveInNestedPaths() {
        ExpressionContext ctx = ctx("{'#m':'m','#d':'deep'}", "{':v':{'S':'found'}}");
        assertThat(Expressions.condition("#m.nest.#d[2].c = :v", ctx).test(ITEM)).isTrue();
    }

    @Test
    void pathToAttribute_comparesTwoAttributes() {
        assertThat(test("n > l[1]", null)).isTrue();
        assertThat(test("l[0] = ss", null)).isFalse();
    }

    @Test
    void booleansAndNulls_compareByEquality() {
        assertThat(test("flag = :t", "{':t':{'BOOL':true}}")).isTrue();
        assertThat(test("nothing = :n", "{':n':{'NULL':true}}")).isTrue();
    }

    @Test
    void filterExpression_usesItsOwnMessagePrefix() {
        assertValidation(() -> Expressions.filter("a = ", ctx(null, null)),
                "Invalid FilterExpression: Syntax error; token: \"<EOF>\", near: \"=\"");
    }

    @Test
    void keywordsAreCaseInsensitive_functionNamesAreNot() {
        assertThat(test("id = :t aNd NoT id = :f Or id = :f", "{':t':{'S':'x'},':f':{'S':'y'}}")).isTrue();
        assertValidation(() -> test("ATTRIBUTE_EXISTS(id)", null),
                "Invalid ConditionExpression: Invalid function name; function: ATTRIBUTE_EXISTS");
    }

    @Test
    void parsedExpressions_areReusedAcrossRequestsWithDifferentValues() {
        String expression = "n = :v";
        assertThat(test(expression, "{':v':{'N':'10'}}")).isTrue();
        assertThat(test(expression, "{':v':{'N':'11'}}")).isFalse();
    }

    @Test
    void attributeNames_listTheTopLevelAttributesAConditionReads() {
        Condition condition = Expressions.filter("#m.a = :v OR (size(l) > :n AND NOT contains(s, :v)) OR n IN (:n, x)",
                ctx("{'#m':'m'}", "{':v':{'S':'x'},':n':{'N':'1'}}"));
        assertThat(Expressions.attributeNames(condition)).containsExactly("m", "l", "s", "n", "x");
        assertThat(Expressions.attributeNames(Legacy.filter(TestJson.node(
                "{'a':{'ComparisonOperator':'NULL'},'b':{'ComparisonOperator':'NOT_NULL'}}"), "OR")))
                .containsExactly("a", "b");
    }
}
