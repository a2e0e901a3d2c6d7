package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.n;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

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
import software.amazon.awssdk.services.dynamodb.model.ParameterizedStatement;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * How DynamoDB's PartiQL reads a statement: number literals, comments, ORDER BY, the FROM-first UPDATE and
 * RETURNING, and the words it refuses a malformed statement with rather than running it as something else.
 */
class PartiQlGrammarConformanceIT {

    private static final String NOT_WELL_FORMED = "Statement wasn't well formed, can't be processed: ";
    private static final String LEFT_OVER = NOT_WELL_FORMED + "Unexpected token after expression";

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("readings").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("sensor", ScalarAttributeType.N)).keySchema(hash("sensor")));
        client.createTable(b -> b.tableName("rooms").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("room", ScalarAttributeType.S),
                        attribute("slot", ScalarAttributeType.N))
                .keySchema(hash("room"), range("slot")));
        for (String sensor : List.of("4200000", "4.2", "-4.2")) {
            client.putItem(b -> b.tableName("readings").item(item("sensor", n(sensor))));
        }
        for (String slot : List.of("1", "2", "3")) {
            client.putItem(b -> b.tableName("rooms").item(item("room", s("blue"), "slot", n(slot), "seats", n("4"))));
        }
    }

    private static List<Map<String, AttributeValue>> run(String statement) {
        return client.executeStatement(b -> b.statement(statement)).items();
    }

    private static Map<String, AttributeValue> room(String slot) {
        return client.getItem(b -> b.tableName("rooms").key(item("room", s("blue"), "slot", n(slot)))
                .consistentRead(true)).item();
    }

    @Test
    void statementLongerThan8192Characters_failsItsLengthConstraint_evenWhenDeeplyNested() {
        String nested = "SELECT * FROM readings WHERE " + "(".repeat(5000) + "sensor = 1" + ")".repeat(5000);
        String padded = "SELECT * FROM readings WHERE sensor = 1" + " ".repeat(8192);

        assertValidation(() -> client.executeStatement(b -> b.statement(nested)), "1 validation error detected:"
                + " Value '" + nested + "' at 'statement' failed to satisfy constraint: Member must have length less"
                + " than or equal to 8192");
        assertValidation(() -> client.batchExecuteStatement(b -> b.statements(
                        s -> s.statement("SELECT * FROM readings WHERE sensor = 1"), s -> s.statement(padded))),
                "1 validation error detected: Value '" + padded + "' at 'statements.2.member.statement' failed to"
                        + " satisfy constraint: Member must have length less than or equal to 8192");
        assertThat(run("SELECT * FROM readings WHERE sensor = 1" + " ".repeat(8192 - 39))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"4.2e6", "4.2E6", "4.2e+6", "42e5", "42000000e-1"})
    void exponentLiteral_matchesTheNumberItDenotes(String literal) {
        assertThat(run("SELECT * FROM readings WHERE sensor = " + literal))
                .containsExactly(item("sensor", n("4200000")));
    }

    @Test
    void numbersWithoutALeadingDigit_matchAndStore() {
        assertThat(run("SELECT * FROM readings WHERE sensor = .42e1")).containsExactly(item("sensor", n("4.2")));
        assertThat(run("SELECT * FROM readings WHERE sensor = -.42e1")).containsExactly(item("sensor", n("-4.2")));

        run("INSERT INTO readings VALUE {'sensor': .4225e1}");
        assertThat(run("SELECT * FROM readings WHERE sensor = 4.225")).hasSize(1);
    }

    @Test
    void lineAndBlockComments_readAsWhitespace() {
        assertThat(run("-- first\nSELECT * FROM rooms -- between\nWHERE room = 'blue' /* and */ AND slot = 2"
                + " /* last */")).containsExactly(room("2"));
    }

    @Test
    void orderBySortKey_descendingAndAscending() {
        assertThat(run("SELECT slot FROM rooms WHERE room = 'blue' ORDER BY slot DESC"))
                .extracting(row -> row.get("slot").n()).containsExactly("3", "2", "1");
        assertThat(run("SELECT slot FROM rooms WHERE room = 'blue' ORDER BY slot ASC"))
                .extracting(row -> row.get("slot").n()).containsExactly("1", "2", "3");
    }

    @Test
    void fromFirstUpdate_updatesTheItemTheWhereClauseNames_andReturnsItWhenAsked() {
        run("FROM rooms WHERE room = 'blue' AND slot = 1 SET seats = 6 REMOVE booked");
        var returned = client.executeStatement(b -> b.statement("from rooms where room = ? and slot = 1"
                + " set projector = true returning all new *").parameters(s("blue"))).items();

        assertThat(returned).containsExactly(item("room", s("blue"), "slot", n("1"), "seats", n("6"),
                "projector", AttributeValue.fromBool(true)));
    }

    @Test
    void selectOfANestedPath_answersItUnderItsLastKey() {
        client.putItem(b -> b.tableName("rooms").item(item("room", s("amber"), "slot", n("1"),
                "layout", AttributeValue.fromM(Map.of("desk", s("oak"), "chair", s("mesh"))))));

        assertThat(run("SELECT layout.desk, slot FROM rooms WHERE room = 'amber'"))
                .containsExactly(item("desk", s("oak"), "slot", n("1")));
    }

    @Test
    void returningModifiedOld_answersOnlyTheChangedAttributesAsTheyWere() {
        client.putItem(b -> b.tableName("rooms").item(item("room", s("red"), "slot", n("1"), "seats", n("2"),
                "floor", n("3"))));

        assertThat(run("UPDATE rooms SET seats = 5 WHERE room = 'red' AND slot = 1 RETURNING MODIFIED OLD *"))
                .containsExactly(item("seats", n("2")));
    }

    @Test
    void returningModified_ofANestedPath_answersOnlyThatLeaf() {
        client.putItem(b -> b.tableName("rooms").item(item("room", s("green"), "slot", n("1"), "kit",
                AttributeValue.fromM(Map.of("chairs", n("4"), "tables", n("1"))))));

        assertThat(run("UPDATE rooms SET kit.chairs = 6 WHERE room = 'green' AND slot = 1 RETURNING MODIFIED NEW *"))
                .containsExactly(Map.of("kit", AttributeValue.fromM(Map.of("chairs", n("6")))));
        assertThat(run("UPDATE rooms SET kit.chairs = 8 WHERE room = 'green' AND slot = 1 RETURNING MODIFIED OLD *"))
                .containsExactly(Map.of("kit", AttributeValue.fromM(Map.of("chairs", n("6")))));
    }

    @Test
    void returningModified_withNothingToAnswer_answersNoItem() {
        client.putItem(b -> b.tableName("rooms").item(item("room", s("grey"), "slot", n("1"), "seats", n("2"))));

        assertThat(run("UPDATE rooms REMOVE seats WHERE room = 'grey' AND slot = 1 RETURNING MODIFIED NEW *"))
                .isEmpty();
        assertThat(run("UPDATE rooms SET floor = 1 WHERE room = 'grey' AND slot = 1 RETURNING MODIFIED OLD *"))
                .isEmpty();
    }

    @Test
    void updateWithoutSetOrRemoveAfterItsTable_isRefusedAsMissingItsDataManipulation() {
        String missing = NOT_WELL_FORMED + "Expected data manipulation";

        // an unquoted table name with a hyphen ends at the hyphen, as a user writing UPDATE my-table finds out
        assertValidation(() -> run("UPDATE rooms-blue SET seats = 0 WHERE room = 'blue' AND slot = 2"), missing);
        assertValidation(() -> run("UPDATE rooms WHERE room = 'blue' AND slot = 2"), missing);
        assertValidation(() -> run("UPDATE rooms"), missing);
        assertValidation(() -> run("FROM rooms WHERE room = 'blue' AND slot = 2"), missing);
        assertValidation(() -> run("SELEC * FROM rooms WHERE room = 'blue'"), missing);
        assertValidation(() -> run("DELETE FROM rooms-blue WHERE room = 'blue' AND slot = 2"), LEFT_OVER);
        assertValidation(() -> run("UPDATE rooms AS r SET seats = 0 WHERE room = 'blue' AND slot = 2"),
                "Aliasing is not supported");

        assertThat(room("2")).containsEntry("seats", n("4"));
    }

    @Test
    void tokenLeftOver_isRefusedAndChangesNothing() {
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1 extra"), LEFT_OVER);
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1 e5"), LEFT_OVER);
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1)"), LEFT_OVER);
        assertValidation(() -> run("SELECT * FROM readings ORDER BY sensor WHERE sensor = 1"), LEFT_OVER);
        assertValidation(() -> run("INSERT INTO readings VALUE {'sensor': 77} extra"), LEFT_OVER);
        assertValidation(() -> run("DELETE FROM rooms WHERE room = 'blue' AND slot = 3 ORDER BY slot"), LEFT_OVER);
        assertValidation(() -> run("UPDATE rooms SET seats = 0 WHERE room = 'blue' AND slot = 3 extra"), LEFT_OVER);

        assertThat(run("SELECT * FROM readings WHERE sensor = 77")).isEmpty();
        assertThat(room("3")).containsEntry("seats", n("4"));
    }

    @Test
    void tableAlias_isRefused() {
        assertValidation(() -> run("SELECT * FROM rooms r WHERE room = 'blue'"), "Aliasing is not supported");
        assertValidation(() -> run("SELECT * FROM rooms AS r WHERE room = 'blue'"), "Aliasing is not supported");
        assertValidation(() -> run("UPDATE rooms r SET seats = 0 WHERE room = 'blue' AND slot = 2"),
                "Aliasing is not supported");
        assertValidation(() -> run("DELETE FROM rooms r WHERE room = 'blue' AND slot = 2"),
                "Aliasing is not supported");
        assertValidation(() -> run("INSERT INTO rooms r VALUE {'room': 'x', 'slot': 1}"), LEFT_OVER);
        assertThat(room("2")).containsEntry("seats", n("4"));
    }

    @Test
    void unreadableLiteralOrComment_isRefusedWithoutDetail() {
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1e99999999999"), NOT_WELL_FORMED);
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 2.5e-2147483647"), NOT_WELL_FORMED);
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1 # note"), NOT_WELL_FORMED);
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1 /* note"), NOT_WELL_FORMED);
        assertValidation(() -> run("SELECT * FROM readings WHERE"), NOT_WELL_FORMED + "Unexpected term");
    }

    @Test
    void numberLiteralOutOfRange_namesWhereItSitsInTheValue() {
        String overflow = "Number overflow. Attempting to store a number with magnitude larger than supported range";
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1e126"), overflow + " under root");
        assertValidation(() -> run("UPDATE readings SET level = 1e-131 WHERE sensor = 4.2"),
                "Number underflow. Attempting to store a number with magnitude smaller than supported range"
                        + " under root");
        assertValidation(() -> run("SELECT * FROM readings WHERE sensor = 1234567890123456789012345678901234567890"),
                "Attempting to store more than 38 significant digits in a Number under root");
        assertValidation(() -> run("INSERT INTO readings VALUE {'sensor': 5, 'limits': {'high': 1e126}}"),
                overflow + " under root.high");
        assertValidation(() -> run("INSERT INTO readings VALUE {'sensor': 5, 'history': [1, 2, 1e126]}"),
                overflow + " under root[2]");
    }

    @ParameterizedTest
    @ValueSource(strings = {"SELECT * FROM rooms WHERE", "SELECT * FROM rooms WHERE;", "SELECT slot FROM rooms WHERE  ",
        "DELETE FROM rooms WHERE", "SELECT * FROM rooms WHERE NOT", "SELECT * FROM rooms WHERE (", "SELECT * FROM"})
    void statementThatStopsWhereATermShouldStart_isAnUnexpectedTerm(String statement) {
        assertValidation(() -> run(statement), NOT_WELL_FORMED + "Unexpected term");
    }

    @Test
    void incompleteOrMisplacedTerms_areNamedByWhatWasFound() {
        assertValidation(() -> run("SELECT * FROM rooms WHERE room = 'blue' AND"),
                NOT_WELL_FORMED + "Missing right-hand side expression of infix operator");
        assertValidation(() -> run("SELECT * FROM rooms WHERE room = 'blue' OR"),
                NOT_WELL_FORMED + "Missing right-hand side expression of infix operator");
        assertValidation(() -> run("SELECT * FROM rooms WHERE ORDER BY slot"), NOT_WELL_FORMED + "Unexpected keyword");
        assertValidation(() -> run("SELECT * FROM rooms WHERE IS NULL"), NOT_WELL_FORMED + "Unexpected operator");
        assertValidation(() -> run("SELECT * FROM rooms WHERE room = LIKE"), NOT_WELL_FORMED + "Unexpected operator");
        assertValidation(() -> run("SELECT * FROM rooms WHERE room = 'blue' AND seats IS WIDE"),
                NOT_WELL_FORMED + "Expected type name");
        assertValidation(() -> run("DELETE FROM WHERE room = 'blue'"),
                NOT_WELL_FORMED + "Expected identifier for simple path");
    }

    @Test
    void fromFirstUpdate_withoutTheKeyOrWithItsWhereLast_isRefused() {
        String needsKey = "Where clause does not contain a mandatory equality on all key attributes";
        assertValidation(() -> run("FROM rooms SET seats = 0"), needsKey);
        assertValidation(() -> run("FROM rooms WHERE seats = 4 REMOVE seats"), needsKey);
        assertValidation(() -> run("FROM rooms SET seats = 0 WHERE room = 'blue' AND slot = 2"), LEFT_OVER);
        assertThat(room("2")).containsEntry("seats", n("4"));
    }

    @Test
    void unreadableStatementInATransaction_isNamedByItsPosition() {
        assertValidation(() -> client.executeTransaction(b -> b.transactStatements(
                        ParameterizedStatement.builder()
                                .statement("SELECT * FROM rooms WHERE room = 'blue' AND slot = 1").build(),
                        ParameterizedStatement.builder().statement("SELECT * FROM rooms WHERE").build())),
                "Validation failed in TransactStatements[1]: " + NOT_WELL_FORMED + "Unexpected term");
    }

    @Test
    void orBranchesReadingTheSameSortKeys_areRefused_whileANegatedSortKeyBranchRuns() {
        assertValidation(() -> run("SELECT * FROM rooms WHERE room = 'blue' AND seats = 4"
                + " OR room = 'blue' AND slot = 2"),
                "Overlapping conditions with range keys are not supported in where clause");

        assertThat(run("SELECT * FROM rooms WHERE room = 'blue' AND NOT slot = 1 OR room = 'blue' AND slot = 2"))
                .extracting(row -> row.get("slot").n()).containsExactlyInAnyOrder("2", "3");
        assertThat(run("SELECT * FROM rooms WHERE room = 'blue' OR room = 'blue' AND slot <> 1"))
                .extracting(row -> row.get("slot").n()).containsExactlyInAnyOrder("1", "2", "3");
    }

    @Test
    void orderBy_acrossPartitions_followsEveryTerm() {
        client.putItem(b -> b.tableName("rooms").item(item("room", s("green"), "slot", n("1"))));
        client.putItem(b -> b.tableName("rooms").item(item("room", s("green"), "slot", n("2"))));

        assertThat(run("SELECT room, slot FROM rooms WHERE room IN ['blue', 'green'] AND slot < 3"
                + " ORDER BY room DESC, slot DESC"))
                .extracting(row -> row.get("room").s() + row.get("slot").n())
                .containsExactly("green2", "green1", "blue2", "blue1");
    }

    @Test
    void orderByItCannotServe_isRefused() {
        assertValidation(() -> run("SELECT * FROM rooms ORDER BY slot"),
                "Must have WHERE clause in the statement when using ORDER BY clause.");
        assertValidation(() -> run("SELECT * FROM rooms WHERE room = 'blue' ORDER BY seats"),
                "Attribute seats in ORDER BY clause must be part of the primary key");
        assertValidation(() -> run("SELECT * FROM rooms WHERE slot = 1 ORDER BY slot"),
                "Must have at least one non-optional hash key condition in WHERE clause when using ORDER BY clause.");
        assertValidation(() -> run("SELECT * FROM rooms WHERE room IN ['blue', 'green'] ORDER BY slot"),
                "Must have hash key in ORDER BY clause when more than one hash key condition specified in WHERE"
                        + " clause.");
    }

    @Test
    void deleteReturning_onlyAllOld() {
        client.putItem(b -> b.tableName("rooms").item(item("room", s("gone"), "slot", n("1"), "seats", n("9"))));

        assertValidation(() -> run("DELETE FROM rooms WHERE room = 'gone' AND slot = 1 RETURNING MODIFIED OLD *"),
                "Invalid returning clause: RETURNING MODIFIED OLD *. Only RETURNING ALL OLD * is allowed in DELETE"
                        + " statements.");
        assertThat(run("DELETE FROM rooms WHERE room = 'gone' AND slot = 1 RETURNING ALL OLD *"))
                .containsExactly(item("room", s("gone"), "slot", n("1"), "seats", n("9")));
    }

    @Test
    void bagLiterals_thatCannotBeStored_areRefused() {
        assertValidation(() -> run("INSERT INTO readings VALUE {'sensor': 8, 'codes': <<1, 'a'>>}"),
                "Unsupported data type in Bag. DynamoDB only supports either numbers or strings in bags");
        assertValidation(() -> run("INSERT INTO readings VALUE {'sensor': 8, 'codes': <<>>}"),
                "Empty bags are not supported");
        assertValidation(() -> run("INSERT INTO readings VALUE {'sensor': 8, 'codes': <<'a', 'a'>>}"),
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
    }
}
