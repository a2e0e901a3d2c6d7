package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The PartiQL WHERE clause: condition functions, IS, and comparisons, as a filter on a SELECT and as the condition
 * on a write, with the words DynamoDB refuses a misuse with.
 */
class PartiQlWhereConformanceIT {

    private static final String WHERE = "SELECT * FROM plants WHERE id = 'fern' AND ";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("plants").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("id", ScalarAttributeType.S)).keySchema(hash("id")));
        client.putItem(b -> b.tableName("plants").item(item("id", s("fern"), "name", s("Fern"),
                "care", AttributeValue.fromM(Map.of("water", s("weekly"))), "pot", AttributeValue.fromNul(true),
                "indoor", AttributeValue.fromBool(true), "tags", AttributeValue.fromSs(List.of("green", "shade")))));
    }

    private static boolean fernMatches(String condition) {
        return !client.executeStatement(b -> b.statement(WHERE + condition)).items().isEmpty();
    }

    @Test
    void conditionFunctions_filterASelect() {
        assertThat(fernMatches("attribute_exists(care.water)")).isTrue();
        assertThat(fernMatches("attribute_exists(care.light)")).isFalse();
        assertThat(fernMatches("ATTRIBUTE_NOT_EXISTS(\"soil\")")).isTrue();
        assertThat(fernMatches("NOT attribute_exists(name)")).isFalse();
        assertThat(fernMatches("(attribute_exists(soil) OR size(name) = 4)")).isTrue();
        assertThat(fernMatches("attribute_type(tags, 'SS')")).isTrue();
    }

    @Test
    void conditionFunction_comparedWithABoolean() {
        assertThat(fernMatches("attribute_exists(name) = true")).isTrue();
        assertThat(fernMatches("attribute_exists(name) = false")).isFalse();
    }

    @Test
    void isNullAndIsType_filterASelect() {
        assertThat(fernMatches("pot IS NULL")).isTrue();
        assertThat(fernMatches("name IS NULL")).isFalse();
        assertThat(fernMatches("name IS NOT NULL")).isTrue();
        assertThat(fernMatches("soil IS NULL")).isFalse();
        assertThat(fernMatches("soil IS NOT NULL")).isTrue();
        assertThat(fernMatches("indoor IS BOOLEAN")).isTrue();
        assertThat(fernMatches("name IS STRING")).isTrue();
        assertThat(fernMatches("name IS BOOL")).isFalse();
        assertThat(fernMatches("soil IS MISSING")).isTrue();
    }

    @Test
    void negatedParenthesisedTerm_runs() {
        assertThat(fernMatches("NOT (name = 'Cactus')")).isTrue();
    }

    @Test
    void functionInTheWhereClauseOfAWrite_isItsCondition() {
        client.putItem(b -> b.tableName("plants").item(item("id", s("ivy"), "height", n("3"))));

        client.executeStatement(b -> b.statement("UPDATE plants SET height = 4 WHERE id = 'ivy'"
                + " AND attribute_not_exists(pruned)"));
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement("DELETE FROM plants WHERE id = 'ivy'"
                + " AND attribute_exists(pruned)"))).isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(client.getItem(b -> b.tableName("plants").key(item("id", s("ivy")))).item())
                .containsEntry("height", n("4"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"<", "<=", ">", ">="})
    void orderingOperatorOnABoolean_namesTheOperatorAsWritten(String operator) {
        assertValidation(() -> client.executeStatement(b -> b.statement(WHERE + "indoor " + operator + " ?")
                        .parameters(AttributeValue.fromBool(false))),
                "Incorrect operand type for operator or function; operator or function: " + operator
                        + ", operand type: BOOL");
    }

    @Test
    void orderingOperatorOnABoolean_isRefusedBeforeTheTableIsLookedUp() {
        assertValidation(() -> client.executeStatement(b -> b.statement(
                                "SELECT * FROM \"no-such-plants\" WHERE id = ? AND indoor < ?")
                        .parameters(s("fern"), AttributeValue.fromBool(true))),
                "Incorrect operand type for operator or function; operator or function: <, operand type: BOOL");
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement(
                        "SELECT * FROM \"no-such-plants\" WHERE id = ?").parameters(s("fern"))))
                .isInstanceOf(software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException.class);
    }

    @Test
    void existenceFunctionMisused_isRefusedInDynamoDbsWords() {
        assertValidation(() -> fernMatches("attribute_exists('name')"),
                "Operator or function requires a document path; operator or function: attribute_exists");
        assertValidation(() -> fernMatches("attribute_not_exists()"), "Incorrect number of operands for operator"
                + " or function; operator or function: attribute_not_exists, number of operands: 0");
        assertValidation(() -> fernMatches("attribute_exists(name, tags)"), "Incorrect number of operands for"
                + " operator or function; operator or function: attribute_exists, number of operands: 2");
    }

    @Test
    void unknownFunction_isRefusedWithItsPosition() {
        // the WHERE prefix is 43 characters, so the 6-character name starts at column 44
        assertValidation(() -> fernMatches("EXISTS(name)"), "Unrecognized function: exists at 1:44:6");
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT size(name) FROM plants")),
                "Unexpected path component at 1:8:4");
    }

    @Test
    void reservedWordAfterADot_isRefusedUnlessQuoted() {
        assertValidation(() -> fernMatches("attribute_exists(care.inner)"),
                "Statement wasn't well formed, can't be processed: Invalid path dot component");
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT care.size FROM plants")),
                "Statement wasn't well formed, can't be processed: Invalid path dot component");
        assertThat(fernMatches("care.\"water\" = 'weekly' AND attribute_not_exists(care.\"size\")")).isTrue();
    }

    @Test
    void parameters_areCheckedInDocumentOrderBeforeTheStatementRuns() {
        AttributeValue deep = s("leaf");
        for (int i = 0; i < 40; i++) {
            deep = AttributeValue.fromM(Map.of("next", deep));
        }
        AttributeValue tooDeep = deep;
        String nesting = "Nesting Levels have exceeded supported limits: Attributes in the item have nested levels"
                + " beyond supported limit";

        assertValidation(() -> client.executeStatement(b -> b.statement(WHERE + "a = ? AND b = ?")
                .parameters(tooDeep, n("abc"))), nesting);
        assertValidation(() -> client.executeStatement(b -> b.statement(WHERE + "a = ? AND b = ?")
                .parameters(n("abc"), tooDeep)), "The parameter cannot be converted to a numeric value: abc");
        assertValidation(() -> client.executeStatement(b -> b.statement(WHERE + "a = ?")
                .parameters(AttributeValue.fromL(List.of(n("1"), n("1e99999999999"))))),
                "The parameter cannot be converted to a numeric value: 1e99999999999");
        assertValidation(() -> client.executeStatement(b -> b.statement("UPDATE plants SET height = ? WHERE id = 'x'")
                .parameters(n(""))), "The parameter cannot be converted to a numeric value");
        assertValidation(() -> client.executeStatement(b -> b.statement(
                        "UPDATE plants SET tags = set_add(tags, ?) WHERE id = 'fern'")
                .parameters(AttributeValue.builder().build())),
                "Supplied AttributeValue is empty, must contain exactly one of the supported datatypes");
        assertValidation(() -> client.executeStatement(b -> b.statement(WHERE + "a = ?")
                .parameters(n("1e2147483647"))),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range");
    }
}
