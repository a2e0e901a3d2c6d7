package io.jets.dynamodb.local.internal.expr;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;
import static io.jets.dynamodb.local.internal.expr.TestJson.node;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

class KeyConditionExpressionTest {

    private static final String VALUES = "{':h':{'S':'p'},':a':{'S':'b'},':z':{'S':'d'},':n':{'N':'1'}}";

    private static KeyCondition key(String expression) {
        return Expressions.keyCondition(expression, ctx(null, VALUES), "pk", "sk");
    }

    @Test
    void hashOnly() {
        assertThat(key("pk = :h")).isEqualTo(new KeyCondition("pk", node("{'S':'p'}"), null, null, List.of()));
    }

    @Test
    void hashAndRange_inEitherOrder() {
        KeyCondition expected = new KeyCondition("pk", node("{'S':'p'}"), "sk", KeyCondition.RangeOperator.GT,
                List.of(node("{'S':'b'}")));
        assertThat(key("pk = :h AND sk > :a")).isEqualTo(expected);
        assertThat(key("(sk > :a) and (pk = :h)")).isEqualTo(expected);
        assertThat(key(":a < sk AND :h = pk")).isEqualTo(expected);
    }

    @Test
    void everyRangeOperator_matchesItems() {
        var item = obj("{'pk':{'S':'p'},'sk':{'S':'c'}}");
        assertThat(key("pk = :h AND sk = :a").matches(item)).isFalse();
        assertThat(key("pk = :h AND sk < :z").matches(item)).isTrue();
        assertThat(key("pk = :h AND sk <= :a").matches(item)).isFalse();
        assertThat(key("pk = :h AND sk >= :a").matches(item)).isTrue();
        assertThat(key("pk = :h AND sk BETWEEN :a AND :z").matches(item)).isTrue();
        assertThat(key("pk = :h AND begins_with(sk, :a)").matches(item)).isFalse();
        assertThat(key("pk = :h AND sk > :n").matches(item)).isFalse();
        assertThat(key("pk = :h").matches(obj("{'pk':{'S':'q'},'sk':{'S':'c'}}"))).isFalse();
    }

    @Test
    void namePlaceholders_areResolved() {
        KeyCondition condition = Expressions.keyCondition("#p = :h AND begins_with(#s, :a)",
                ctx("{'#p':'pk','#s':'sk'}", VALUES), "pk", "sk");
        assertThat(condition.rangeName()).isEqualTo("sk");
        assertThat(condition.rangeOperator()).isEqualTo(KeyCondition.RangeOperator.BEGINS_WITH);
    }

    @Test
    void unsupportedOperators_areNamed() {
        assertValidation(() -> key("pk = :h OR sk = :a"), "Invalid operator used in KeyConditionExpression: OR");
        assertValidation(() -> key("NOT pk = :h"), "Invalid operator used in KeyConditionExpression: NOT");
        assertValidation(() -> key("pk IN (:h)"), "Invalid operator used in KeyConditionExpression: IN");
        assertValidation(() -> key("pk <> :h"), "Invalid operator used in KeyConditionExpression: <>");
        assertValidation(() -> key("attribute_exists(pk)"),
                "Invalid operator used in KeyConditionExpression: attribute_exists");
    }

    @Test
    void conditionShapes_areChecked() {
        assertValidation(() -> key("size(pk) = :n"), "KeyConditionExpressions cannot contain nested operations");
        assertValidation(() -> key("pk.a = :h"), "KeyConditionExpressions cannot have conditions on nested attributes");
        assertValidation(() -> key("pk = sk"),
                "Invalid condition in KeyConditionExpression: Multiple attribute names used in one condition");
        assertValidation(() -> key(":h = :h"),
                "Invalid condition in KeyConditionExpression: No key attribute specified");
        assertValidation(() -> key("pk = :h AND begins_with(:a, sk)"), "Invalid condition in KeyConditionExpression: "
                + "begins_with operator must have the key attribute as its first operand");
    }

    @Test
    void keySchema_isEnforced() {
        assertValidation(() -> key("sk = :a"), "Query condition missed key schema element: pk");
        assertValidation(() -> key("pk > :h"), "Query key condition not supported");
        assertValidation(() -> key("pk = :h AND extra = :a"), "Query condition missed key schema element: sk");
        assertValidation(() -> key("x = :h AND y = :a"), "Query key condition not supported");
        assertValidation(() -> Expressions.keyCondition("pk = :h AND extra = :a", ctx(null, VALUES), "pk", null),
                "Query key condition not supported");
        assertValidation(() -> key("pk = :h AND sk > :a AND sk < :z"),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> key("pk = :h AND sk > :a AND x = :z"),
                "The number of query conditions (3) exceeds the number of key attributes defined in the schema (2)");
    }

    @Test
    void beginsWith_onANumber_isRefused() {
        assertValidation(() -> key("pk = :h AND begins_with(sk, :n)"), "Invalid KeyConditionExpression: Incorrect "
                + "operand type for operator or function; operator or function: begins_with, operand type: N");
    }

    @Test
    void numberRanges_compareNumerically() {
        KeyCondition condition = Expressions.keyCondition("pk = :h AND sk BETWEEN :lo AND :hi",
                ctx(null, "{':h':{'S':'p'},':lo':{'N':'9'},':hi':{'N':'100'}}"), "pk", "sk");
        assertThat(condition.rangeMatches(node("{'N':'10'}"))).isTrue();
        assertThat(condition.rangeMatches(node("{'N':'1000'}"))).isFalse();
    }

    @Test
    void checkTypes_refusesValuesOfAnotherTypeThanTheKeySchema() {
        KeyCondition condition = key("pk = :h AND sk > :a");
        org.assertj.core.api.Assertions.assertThatCode(() -> condition.checkTypes("S", "S")).doesNotThrowAnyException();
        assertValidation(() -> condition.checkTypes("S", "N"),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
        assertValidation(() -> key("pk = :n").checkTypes("S", null),
                "One or more parameter values were invalid: Condition parameter type does not match schema type");
    }

    @Test
    void checks_followTheConditionsInOrder() {
        assertValidation(() -> key(":a BETWEEN size(pk) AND size(sk) AND sk > :a"), "Invalid condition in "
                + "KeyConditionExpression: BETWEEN operator must have the key attribute as its first operand");
        assertValidation(() -> key("pk.x > size(sk)"),
                "KeyConditionExpressions cannot have conditions on nested attributes");
        assertValidation(() -> key("pk.x = :h AND NOT sk = :a"),
                "KeyConditionExpressions cannot have conditions on nested attributes");
        assertValidation(() -> key("sk > :a AND sk < :z AND pk = :h AND x = :h"),
                "Invalid KeyConditionExpression: KeyConditionExpressions must only contain one condition per key");
        assertValidation(() -> key("pk = :h AND sk > :a OR pk.x = :h"), "Invalid operator used in "
                + "KeyConditionExpression: OR");
    }
}
