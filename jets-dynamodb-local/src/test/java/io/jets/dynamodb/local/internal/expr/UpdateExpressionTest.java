package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.ctx;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;

class UpdateExpressionTest {

    private static final ObjectNode KEY = obj("{'id':{'S':'k'}}");
    private static final Set<String> KEYS = Set.of("id");

    private static ObjectNode apply(String existing, String expression, String names, String values) {
        Update update = Expressions.update(expression, ctx(names, values));
        return update.apply(existing == null ? null : obj(existing), KEY, KEYS);
    }

    @Test
    void set_createsTheItemFromTheKey_whenThereIsNone() {
        assertThat(apply(null, "SET a = :v", null, "{':v':{'S':'x'}}"))
                .isEqualTo(obj("{'id':{'S':'k'},'a':{'S':'x'}}"));
    }

    @Test
    void set_arithmetic_addsAndSubtractsNumbers() {
        String item = "{'id':{'S':'k'},'n':{'N':'1.5'},'m':{'N':'10'}}";
        assertThat(apply(item, "SET n = n + :d, m = m - :d", null, "{':d':{'N':'0.5'}}"))
                .isEqualTo(obj("{'id':{'S':'k'},'n':{'N':'2'},'m':{'N':'9.5'}}"));
        assertThat(apply(item, "SET c = n + m", null, null).get("c")).isEqualTo(obj("{'N':'11.5'}"));
    }

    @Test
    void set_readsEveryOperandFromTheItemBeforeTheUpdate() {
        String item = "{'id':{'S':'k'},'a':{'N':'1'},'b':{'N':'2'}}";
        assertThat(apply(item, "SET a = b, b = a", null, null))
                .isEqualTo(obj("{'id':{'S':'k'},'a':{'N':'2'},'b':{'N':'1'}}"));
    }

    @Test
    void set_ifNotExists_keepsAnExistingValue() {
        String values = "{':zero':{'N':'0'},':one':{'N':'1'}}";
        assertThat(apply("{'id':{'S':'k'},'n':{'N':'5'}}", "SET n = if_not_exists(n, :zero) + :one", null, values)
                .get("n")).isEqualTo(obj("{'N':'6'}"));
        assertThat(apply(null, "SET n = if_not_exists(n, :zero) + :one", null, values).get("n"))
                .isEqualTo(obj("{'N':'1'}"));
    }

    @Test
    void set_listAppend_concatenatesInOrder() {
        String item = "{'id':{'S':'k'},'l':{'L':[{'S':'a'}]}}";
        assertThat(apply(item, "SET l = list_append(l, :more)", null, "{':more':{'L':[{'S':'b'}]}}").get("l"))
                .isEqualTo(obj("{'L':[{'S':'a'},{'S':'b'}]}"));
        assertThat(apply(item, "SET l = list_append(:more, l)", null, "{':more':{'L':[{'S':'b'}]}}").get("l"))
                .isEqualTo(obj("{'L':[{'S':'b'},{'S':'a'}]}"));
        assertThat(apply(null, "SET l = list_append(if_not_exists(l, :empty), :more)", null,
                "{':more':{'L':[{'S':'b'}]},':empty':{'L':[]}}").get("l"))
                .isEqualTo(obj("{'L':[{'S':'b'}]}"));
    }

    @Test
    void set_nestedPaths_replaceOrAppend() {
        String item = "{'id':{'S':'k'},'m':{'M':{'l':{'L':[{'N':'0'},{'N':'1'}]}}}}";
        String values = "{':v':{'S':'x'}}";
        assertThat(apply(item, "SET m.l[1] = :v", null, values).get("m"))
                .isEqualTo(obj("{'M':{'l':{'L':[{'N':'0'},{'S':'x'}]}}}"));
        assertThat(apply(item, "SET m.l[9] = :v", null, values).get("m"))
                .isEqualTo(obj("{'M':{'l':{'L':[{'N':'0'},{'N':'1'},{'S':'x'}]}}}"));
        assertThat(apply(item, "SET m.#new = :v", "{'#new':'fresh'}", values).get("m").get("M").get("fresh"))
                .isEqualTo(obj("{'S':'x'}"));
    }

    @Test
    void set_throughAMissingOrScalarParent_isInvalidForUpdate() {
        String message = "The document path provided in the update expression is invalid for update";
        assertValidation(() -> apply("{'id':{'S':'k'}}", "SET m.a = :v", null, "{':v':{'S':'x'}}"), message);
        assertValidation(() -> apply("{'id':{'S':'k'},'m':{'S':'s'}}", "SET m.a = :v", null, "{':v':{'S':'x'}}"),
                message);
        assertValidation(() -> apply("{'id':{'S':'k'},'m':{'M':{}}}", "SET m[0] = :v", null, "{':v':{'S':'x'}}"),
                message);
    }

    @Test
    void remove_dropsAttributesAndListElements_shiftingTheRest() {
        String item = "{'id':{'S':'k'},'a':{'S':'x'},'l':{'L':[{'N':'0'},{'N':'1'},{'N':'2'},{'N':'3'}]}}";
        assertThat(apply(item, "REMOVE a, l[1], l[2]", null, null))
                .isEqualTo(obj("{'id':{'S':'k'},'l':{'L':[{'N':'0'},{'N':'3'}]}}"));
        assertThat(apply(item, "REMOVE absent, l[10]", null, null)).isEqualTo(obj(item));
    }

    @Test
    void add_sumsNumbers_unitesSets_andCreatesMissingAttributes() {
        String item = "{'id':{'S':'k'},'n':{'N':'1'},'ss':{'SS':['a','b']}}";
        ObjectNode result = apply(item, "ADD n :one, ss :more, fresh :one, tags :more", null,
                "{':one':{'N':'1'},':more':{'SS':['b','c']}}");
        assertThat(result).isEqualTo(obj("{'id':{'S':'k'},'n':{'N':'2'},'ss':{'SS':['a','b','c']},"
                + "'fresh':{'N':'1'},'tags':{'SS':['b','c']}}"));
    }

    @Test
    void delete_removesSetMembers_andTheAttributeWhenTheSetEmpties() {
        String item = "{'id':{'S':'k'},'ns':{'NS':['1','2','3']},'ss':{'SS':['a']}}";
        ObjectNode result = apply(item, "DELETE ns :two, ss :a, absent :a", null,
                "{':two':{'NS':['2.0']},':a':{'SS':['a']}}");
        assertThat(result).isEqualTo(obj("{'id':{'S':'k'},'ns':{'NS':['1','3']}}"));
    }

    @Test
    void apply_neverMutatesItsInputs() {
        ObjectNode existing = obj("{'id':{'S':'k'},'n':{'N':'1'},'l':{'L':[{'N':'0'}]}}");
        ObjectNode copy = existing.deepCopy();
        Expressions.update("SET n = n + :one, l[0] = :one ADD s :s REMOVE x",
                ctx(null, "{':one':{'N':'1'},':s':{'SS':['a']}}")).apply(existing, KEY, KEYS);
        assertThat(existing).isEqualTo(copy);
        assertThat(KEY).isEqualTo(obj("{'id':{'S':'k'}}"));
    }

    @Test
    void allClauses_inAnyOrder_caseInsensitive() {
        ObjectNode result = apply("{'id':{'S':'k'},'a':{'S':'x'},'n':{'N':'1'}}",
                "remove a add n :one set b = :one", null, "{':one':{'N':'1'}}");
        assertThat(result).isEqualTo(obj("{'id':{'S':'k'},'n':{'N':'2'},'b':{'N':'1'}}"));
    }

    @Test
    void updatedAttributes_areThePathsTouched() {
        Update update = Expressions.update("SET m.a = :v, n = :v REMOVE gone",
                ctx(null, "{':v':{'S':'x'}}"));
        ObjectNode after = update.apply(obj("{'id':{'S':'k'},'m':{'M':{'a':{'S':'old'},'b':{'S':'kept'}}},"
                + "'gone':{'S':'g'},'other':{'S':'o'}}"), KEY, KEYS);
        assertThat(update.updatedAttributes(after)).isEqualTo(obj("{'m':{'M':{'a':{'S':'x'}}},'n':{'S':'x'}}"));
    }

    @Test
    void overlappingPaths_areRefused() {
        assertValidation(() -> apply(null, "SET a = :v, a.b = :v", null, "{':v':{'S':'x'}}"),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one "
                        + "of these paths; path one: [a], path two: [a, b]");
        assertValidation(() -> apply(null, "SET a = :v REMOVE a", null, "{':v':{'S':'x'}}"),
                "Invalid UpdateExpression: Two document paths overlap with each other; must remove or rewrite one "
                        + "of these paths; path one: [a], path two: [a]");
        assertValidation(() -> apply(null, "SET #a[1] = :v, a.b = :v", "{'#a':'a'}", "{':v':{'S':'x'}}"),
                "Invalid UpdateExpression: Two document paths conflict with each other; must remove or rewrite one "
                        + "of these paths; path one: [a, [1]], path two: [a, b]");
    }

    @Test
    void aClauseTwice_isRefused() {
        assertValidation(() -> apply(null, "SET a = :v SET b = :v", null, "{':v':{'S':'x'}}"),
                "Invalid UpdateExpression: The \"SET\" section can only be used once in an update expression;");
    }

    @Test
    void updatingAKeyAttribute_isRefused() {
        assertValidation(() -> apply(null, "SET id = :v", null, "{':v':{'S':'x'}}"),
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of "
                        + "the key");
        assertValidation(() -> apply(null, "REMOVE #k", "{'#k':'id'}", null),
                "One or more parameter values were invalid: Cannot update attribute id. This attribute is part of "
                        + "the key");
    }

    @Test
    void operandsOfTheWrongType_areRefused() {
        String message = "An operand in the update expression has an incorrect data type";
        assertValidation(() -> apply("{'id':{'S':'k'},'s':{'S':'x'}}", "SET n = s + :one", null,
                "{':one':{'N':'1'}}"), message);
        assertValidation(() -> apply("{'id':{'S':'k'},'s':{'S':'x'}}", "SET l = list_append(s, :l)", null,
                "{':l':{'L':[]}}"), message);
        assertValidation(() -> apply("{'id':{'S':'k'},'s':{'S':'x'}}", "ADD s :one", null,
                "{':one':{'N':'1'}}"), message);
        assertValidation(() -> apply("{'id':{'S':'k'},'ss':{'SS':['x']}}", "DELETE ss :ns", null,
                "{':ns':{'NS':['1']}}"), message);
        assertValidation(() -> apply(null, "ADD s :v", null, "{':v':{'S':'x'}}"),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: ADD, "
                        + "operand type: STRING");
        assertValidation(() -> apply(null, "DELETE s :v", null, "{':v':{'N':'1'}}"),
                "Invalid UpdateExpression: Incorrect operand type for operator or function; operator: DELETE, "
                        + "operand type: NUMBER");
    }

    @Test
    void operandReferringToAMissingAttribute_isRefused() {
        assertValidation(() -> apply(null, "SET n = absent + :one", null, "{':one':{'N':'1'}}"),
                "The provided expression refers to an attribute that does not exist in the item");
        assertValidation(() -> apply(null, "SET n = absent", null, null),
                "The provided expression refers to an attribute that does not exist in the item");
    }

    @Test
    void numberOverflow_isRefused() {
        assertValidation(() -> apply("{'id':{'S':'k'},'n':{'N':'9.9999999999999999999999999999999999999E+125'}}",
                        "ADD n :big", null, "{':big':{'N':'1E+125'}}"),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
        assertValidation(() -> apply("{'id':{'S':'k'},'n':{'N':'1E+20'}}", "SET n = n + :small", null,
                        "{':small':{'N':'1E-20'}}"),
                "Number overflow. Attempting to store a number with magnitude larger than supported range");
    }
}
