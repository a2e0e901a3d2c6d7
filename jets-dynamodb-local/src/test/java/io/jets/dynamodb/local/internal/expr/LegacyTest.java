package io.jets.dynamodb.local.internal.expr;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static io.jets.dynamodb.local.internal.expr.TestJson.assertValidation;
import static io.jets.dynamodb.local.internal.expr.TestJson.node;
import static io.jets.dynamodb.local.internal.expr.TestJson.obj;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class LegacyTest {

    private static final ObjectNode ITEM = obj("{'id':{'S':'x'},'n':{'N':'5'},'s':{'S':'hello'},"
            + "'ss':{'SS':['a','b']},'l':{'L':[{'S':'a'}]}}");

    private static boolean expected(String expected, String operator) {
        return Legacy.expected(node(expected), operator).test(ITEM);
    }

    private static boolean filter(String filter) {
        return Legacy.filter(node(filter), null).test(ITEM);
    }

    @Test
    void expected_valueAndExists() {
        assertThat(expected("{'n':{'Value':{'N':'5.0'}}}", null)).isTrue();
        assertThat(expected("{'n':{'Value':{'N':'6'},'Exists':true}}", null)).isFalse();
        assertThat(expected("{'absent':{'Exists':false}}", null)).isTrue();
        assertThat(expected("{'n':{'Exists':false}}", null)).isFalse();
        assertThat(Legacy.expected(node("{'id':{'Exists':false}}"), null).test(null)).isTrue();
    }

    @Test
    void expected_conditionalOperator_combinesEntries() {
        String entries = "{'n':{'Value':{'N':'5'}},'s':{'Value':{'S':'nope'}}}";
        assertThat(expected(entries, null)).isFalse();
        assertThat(expected(entries, "AND")).isFalse();
        assertThat(expected(entries, "OR")).isTrue();
        assertValidation(() -> expected("{}", "OR"), "ConditionalOperator cannot be used without Filter or Expected");
    }

    @Test
    void expected_comparisonOperators() {
        assertThat(expected("{'n':{'ComparisonOperator':'GT','AttributeValueList':[{'N':'4'}]}}", null)).isTrue();
        assertThat(expected("{'n':{'ComparisonOperator':'LE','Value':{'N':'4'}}}", null)).isFalse();
        assertThat(expected("{'absent':{'ComparisonOperator':'NULL'}}", null)).isTrue();
        assertThat(expected("{'n':{'ComparisonOperator':'NOT_NULL'}}", null)).isTrue();
    }

    @Test
    void filter_everyComparisonOperator() {
        assertThat(filter("{'n':{'ComparisonOperator':'EQ','AttributeValueList':[{'N':'5'}]}}")).isTrue();
        assertThat(filter("{'n':{'ComparisonOperator':'NE','AttributeValueList':[{'N':'5'}]}}")).isFalse();
        assertThat(filter("{'n':{'ComparisonOperator':'LT','AttributeValueList':[{'N':'6'}]}}")).isTrue();
        assertThat(filter("{'n':{'ComparisonOperator':'GE','AttributeValueList':[{'N':'6'}]}}")).isFalse();
        assertThat(filter("{'s':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'ell'}]}}")).isTrue();
        assertThat(filter("{'ss':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'b'}]}}")).isTrue();
        assertThat(filter("{'ss':{'ComparisonOperator':'NOT_CONTAINS','AttributeValueList':[{'S':'c'}]}}")).isTrue();
        assertThat(filter("{'l':{'ComparisonOperator':'CONTAINS','AttributeValueList':[{'S':'a'}]}}")).isTrue();
        assertThat(filter("{'s':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'he'}]}}")).isTrue();
        assertThat(filter("{'n':{'ComparisonOperator':'IN','AttributeValueList':[{'N':'1'},{'N':'5'}]}}")).isTrue();
        assertThat(filter("{'n':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'N':'5'},{'N':'9'}]}}"))
                .isTrue();
        assertThat(filter("{'absent':{'ComparisonOperator':'NULL'},'id':{'ComparisonOperator':'NOT_NULL'}}"))
                .isTrue();
    }

    @Test
    void expected_invalidCombinations_areRefused() {
        String prefix = "One or more parameter values were invalid: ";
        assertValidation(() -> expected("{'a':{'Exists':true}}", null),
                prefix + "Value must be provided when Exists is true for Attribute: a");
        assertValidation(() -> expected("{'a':{}}", null),
                prefix + "Value must be provided when Exists is null for Attribute: a");
        assertValidation(() -> expected("{'a':{'Exists':false,'Value':{'S':'a'}}}", null),
                prefix + "Value cannot be used when Exists is false for Attribute: a");
        assertValidation(() -> expected("{'a':{'Value':{'S':'x'},'ComparisonOperator':'EQ',"
                + "'AttributeValueList':[{'S':'x'}]}}", null),
                prefix + "Value and AttributeValueList cannot be used together for Attribute: a");
        assertValidation(() -> expected("{'a':{'ComparisonOperator':'EQ'}}", null),
                prefix + "Value or AttributeValueList must be used with ComparisonOperator: EQ for Attribute: a");
        assertValidation(() -> expected("{'a':{'AttributeValueList':[{'S':'x'}]}}", null),
                prefix + "AttributeValueList can only be used with a ComparisonOperator for Attribute: a");
        assertValidation(() -> expected("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'x'}]}}",
                null), prefix + "Invalid number of argument(s) for the BETWEEN ComparisonOperator");
        assertValidation(() -> expected("{'a':{'ComparisonOperator':'EQ','Exists':true,'Value':{'S':'x'}}}", null),
                prefix + "Exists and ComparisonOperator cannot be used together for Attribute: a");
    }

    @Test
    void filter_invalidArguments_areRefused() {
        String prefix = "One or more parameter values were invalid: ";
        assertValidation(() -> filter("{'a':{'ComparisonOperator':'NULL','AttributeValueList':[{'S':'a'}]}}"),
                prefix + "Invalid number of argument(s) for the NULL ComparisonOperator");
        assertValidation(() -> filter("{'a':{'ComparisonOperator':'LT','AttributeValueList':[{'BOOL':true}]}}"),
                prefix + "ComparisonOperator LT is not valid for BOOL AttributeValue type");
        assertValidation(() -> filter("{'a':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'N':'1'}]}}"),
                prefix + "ComparisonOperator BEGINS_WITH is not valid for N AttributeValue type");
        assertValidation(() -> filter("{'a':{'ComparisonOperator':'IN','AttributeValueList':[{'S':'b'},{'N':'1'}]}}"),
                prefix + "AttributeValues inside AttributeValueList must be of same type");
        assertValidation(() -> filter("{'a':{'ComparisonOperator':'BETWEEN','AttributeValueList':[{'S':'b'},"
                + "{'S':'a'}]}}"),
                "The BETWEEN condition was provided a range where the lower bound is greater than the upper bound");
        assertValidation(() -> filter("{'a':{'ComparisonOperator':'EQ','AttributeValueList':[{'SS':[]}]}}"),
                prefix + "An string set  may not be empty");
    }

    @Test
    void attributeUpdates_putDeleteAndAdd() {
        Update update = Legacy.attributeUpdates(node("{'s':{'Action':'PUT','Value':{'S':'new'}},"
                + "'n':{'Action':'ADD','Value':{'N':'2'}},'l':{'Action':'ADD','Value':{'L':[{'S':'b'}]}},"
                + "'ss':{'Action':'DELETE','Value':{'SS':['a']}},'id2':{'Value':{'S':'default put'}},"
                + "'absent':{'Action':'DELETE'}}"));
        ObjectNode result = update.apply(ITEM, obj("{'id':{'S':'x'}}"), Set.of("id"));
        assertThat(result).isEqualTo(obj("{'id':{'S':'x'},'n':{'N':'7'},'s':{'S':'new'},'ss':{'SS':['b']},"
                + "'l':{'L':[{'S':'a'},{'S':'b'}]},'id2':{'S':'default put'}}"));
    }

    @Test
    void attributeUpdates_invalidActions_areRefused() {
        String prefix = "One or more parameter values were invalid: ";
        assertValidation(() -> Legacy.attributeUpdates(node("{'a':{'Action':'PUT'}}")),
                prefix + "Only DELETE action is allowed when no attribute value is specified");
        assertValidation(() -> Legacy.attributeUpdates(node("{'a':{'Action':'ADD','Value':{'S':'1'}}}")),
                prefix + "ADD action is not supported for the type S");
        assertValidation(() -> Legacy.attributeUpdates(node("{'a':{'Action':'DELETE','Value':{'N':'1'}}}")),
                prefix + "DELETE action with value is not supported for the type N");
        assertValidation(() -> Legacy.attributeUpdates(node("{'id':{'Action':'PUT','Value':{'S':'1'}}}"))
                        .apply(null, obj("{'id':{'S':'x'}}"), Set.of("id")),
                prefix + "Cannot update attribute id. This attribute is part of the key");
    }

    @Test
    void attributesToGet_projectsTopLevelNames() {
        assertThat(Legacy.attributesToGet(node("['id','n','absent']")).apply(ITEM))
                .isEqualTo(obj("{'id':{'S':'x'},'n':{'N':'5'}}"));
        assertValidation(() -> Legacy.attributesToGet(node("['a','a']")),
                "One or more parameter values were invalid: Duplicate value in attribute name: a");
        assertValidation(() -> Legacy.attributesToGet(node("[]")), "1 validation error detected: Value '[]' at "
                + "'attributesToGet' failed to satisfy constraint: Member must have length greater than or equal to 1");
    }

    @Test
    void keyConditions_becomeAKeyCondition() {
        KeyCondition condition = Legacy.keyConditions(node("{'pk':{'ComparisonOperator':'EQ','AttributeValueList':"
                + "[{'S':'p'}]},'sk':{'ComparisonOperator':'BEGINS_WITH','AttributeValueList':[{'S':'a'}]}}"),
                "pk", "sk");
        assertThat(condition).isEqualTo(new KeyCondition("pk", node("{'S':'p'}"), "sk",
                KeyCondition.RangeOperator.BEGINS_WITH, List.of(node("{'S':'a'}"))));
    }

    @Test
    void keyConditions_errors() {
        assertValidation(() -> Legacy.keyConditions(node("{}"), "pk", null), "Conditions can be of length 1 or 2 only");
        assertValidation(() -> Legacy.keyConditions(node("{'pk':{'ComparisonOperator':'NE','AttributeValueList':"
                + "[{'S':'p'}]}}"), "pk", null), "Attempted conditional constraint is not an indexable operation");
        assertValidation(() -> Legacy.keyConditions(node("{'pk':{'ComparisonOperator':'GT','AttributeValueList':"
                + "[{'S':'p'}]}}"), "pk", null), "Query key condition not supported");
        assertValidation(() -> Legacy.keyConditions(node("{'sk':{'ComparisonOperator':'GT','AttributeValueList':"
                + "[{'S':'p'}]}}"), "pk", "sk"), "Query condition missed key schema element: pk");
    }

    @Test
    void mixingLegacyAndExpressions_isRefused() {
        assertValidation(() -> Legacy.checkNotMixed(node("{'QueryFilter':{},'KeyConditionExpression':'a = :a'}")),
                "Can not use both expression and non-expression parameters in the same request: Non-expression "
                        + "parameters: {QueryFilter} Expression parameters: {KeyConditionExpression}");
        assertValidation(() -> Legacy.checkParameters(node("{'AttributeUpdates':{},'Expected':{},"
                        + "'UpdateExpression':'SET a = :a','ConditionExpression':'b = :b'}"), "UpdateItem"),
                "Can not use both expression and non-expression parameters in the same request: Non-expression "
                        + "parameters: {AttributeUpdates, Expected} Expression parameters: {UpdateExpression, "
                        + "ConditionExpression}");
        assertThatCode(() -> Legacy.checkNotMixed(node("{'KeyConditions':{},'FilterExpression':'a = :a'}")))
                .doesNotThrowAnyException();
    }

    @Test
    void placeholdersWithoutExpressions_areRefused() {
        assertValidation(() -> Legacy.checkParameters(node("{'ExpressionAttributeNames':{'#a':'a'}}"), "GetItem"),
                "ExpressionAttributeNames can only be specified when using expressions");
        assertValidation(() -> Legacy.checkParameters(node("{'ExpressionAttributeValues':{':a':{'S':'a'}},"
                        + "'ProjectionExpression':'a'}"), "Query"),
                "ExpressionAttributeValues can only be specified when using expressions: FilterExpression and "
                        + "KeyConditionExpression are null");
        assertValidation(() -> Legacy.checkParameters(node("{'ExpressionAttributeValues':{':a':{'S':'a'}}}"),
                "PutItem"), "ExpressionAttributeValues can only be specified when using expressions: "
                + "ConditionExpression is null");
    }
}
