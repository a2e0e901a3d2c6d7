package io.jets.dynamodb.local.internal.expr;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;
import static io.jets.dynamodb.local.internal.expr.TestJson.node;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchConditionTest {

    private static final String COMPARATOR =
            "Invalid SearchConditionExpression: Invalid comparator used in SearchConditionExpression";
    private static final String OPERATOR =
            "Invalid SearchConditionExpression: Invalid operator used in SearchConditionExpression";

    @Test
    void equalities_joinedByAnd_areResolvedInTheOrderWritten() {
        SearchCondition condition = SearchCondition.parse("#t = :t AND (category = :c)",
                ctx("{'#t':'tenant'}", "{':t':{'S':'t1'},':c':{'N':'7'}}"));

        assertThat(condition.equalities()).extracting(SearchCondition.Equality::attribute)
                .containsExactly("tenant", "category");
        assertThat(condition.valueOf("category")).isEqualTo(node("{'N':'7'}"));
        assertThat(condition.valueOf("other")).isNull();
    }

    @Test
    void valueWrittenFirst_isTheSameCondition() {
        SearchCondition condition = SearchCondition.parse(":t = tenant", ctx(null, "{':t':{'S':'t1'}}"));

        assertThat(condition.valueOf("tenant")).isEqualTo(node("{'S':'t1'}"));
    }

    @Test
    void test_needsEveryAttributeEqual_andAMissingAttributeNeverMatches() {
        SearchCondition condition = SearchCondition.parse("tenant = :t AND price = :p",
                ctx(null, "{':t':{'S':'t1'},':p':{'N':'10'}}"));

        assertThat(condition.test(obj("{'tenant':{'S':'t1'},'price':{'N':'10.0'}}"))).isTrue();
        assertThat(condition.test(obj("{'tenant':{'S':'t1'},'price':{'N':'11'}}"))).isFalse();
        assertThat(condition.test(obj("{'tenant':{'S':'t1'}}"))).isFalse();
        assertThat(condition.test(obj("{'tenant':{'S':'t1'},'price':{'S':'10'}}"))).isFalse();
    }

    @Test
    void everyComparatorButEquality_isRefused() {
        for (String comparator : new String[] {"<", "<=", ">", ">=", "<>"}) {
            assertValidation(() -> SearchCondition.parse("tenant " + comparator + " :t",
                    ctx(null, "{':t':{'S':'t1'}}")), COMPARATOR);
        }
        assertValidation(() -> SearchCondition.parse("tenant = :t AND category < :c",
                ctx(null, "{':t':{'S':'t1'},':c':{'S':'c'}}")), COMPARATOR);
    }

    @Test
    void otherCombinatorsAndFunctions_areRefusedAsOperators() {
        String values = "{':a':{'S':'a'},':b':{'S':'b'}}";
        assertValidation(() -> SearchCondition.parse("x = :a OR y = :b", ctx(null, values)), OPERATOR);
        assertValidation(() -> SearchCondition.parse("NOT x = :a AND y = :b", ctx(null, values)), OPERATOR);
        assertValidation(() -> SearchCondition.parse("x BETWEEN :a AND :b", ctx(null, values)), OPERATOR);
        assertValidation(() -> SearchCondition.parse("x IN (:a, :b)", ctx(null, values)), OPERATOR);
        assertValidation(() -> SearchCondition.parse("begins_with(x, :a) AND y = :b", ctx(null, values)),
                OPERATOR);
    }

    @Test
    void theFirstUnsupportedPartWritten_isReported() {
        assertValidation(() -> SearchCondition.parse("x < :a OR y = :b",
                ctx(null, "{':a':{'S':'a'},':b':{'S':'b'}}")), COMPARATOR);
    }

    @Test
    void nestedAttributes_areRefused() {
        String message = "Invalid SearchConditionExpression: SearchConditionExpression cannot have conditions on"
                + " nested attributes";
        assertValidation(() -> SearchCondition.parse("a.b = :v", ctx(null, "{':v':{'S':'x'}}")), message);
        assertValidation(() -> SearchCondition.parse("a[0] = :v", ctx(null, "{':v':{'S':'x'}}")), message);
    }

    @Test
    void twoConditionsOnOneAttribute_areRefused() {
        assertValidation(() -> SearchCondition.parse("#a = :v AND a = :w",
                ctx("{'#a':'a'}", "{':v':{'S':'x'},':w':{'S':'y'}}")),
                "SearchConditionExpression must only contain one condition per attribute");
    }

    @Test
    void undefinedPlaceholders_areReportedBeforeUnsupportedComparators() {
        assertValidation(() -> SearchCondition.parse("tenant < :t", ctx(null, "{':x':{'S':'t1'}}")),
                "Invalid SearchConditionExpression: An expression attribute value used in expression is not"
                        + " defined; attribute value: :t");
        assertValidation(() -> SearchCondition.parse("#t = :t", ctx("{'#x':'a'}", "{':t':{'S':'t1'}}")),
                "Invalid SearchConditionExpression: An expression attribute name used in the document path is not"
                        + " defined; attribute name: #t");
    }

    @Test
    void syntaxErrors_emptyExpressions_andReservedWords_areWordedAsForOtherExpressions() {
        assertValidation(() -> SearchCondition.parse("tenant = = :t", ctx(null, "{':t':{'S':'t1'}}")),
                "Invalid SearchConditionExpression: Syntax error; token: \"=\", near: \"= = :t\"");
        assertValidation(() -> SearchCondition.parse("tenant", ctx(null, null)),
                "Invalid SearchConditionExpression: Syntax error; token: \"<EOF>\", near: \"tenant\"");
        assertValidation(() -> SearchCondition.parse(" ", ctx(null, null)),
                "Invalid SearchConditionExpression: The expression can not be empty;");
        assertValidation(() -> SearchCondition.parse("status = :s", ctx(null, "{':s':{'S':'x'}}")),
                "Invalid SearchConditionExpression: Attribute name is a reserved keyword; reserved keyword: status");
    }
}
