package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** set_add and set_delete in a PartiQL UPDATE: ADD and DELETE of set members, and how DynamoDB refuses misuse. */
class PartiQlSetFunctionsConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTable() {
        client.createTable(b -> b.tableName("badges").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("user", ScalarAttributeType.S)).keySchema(hash("user")));
    }

    @BeforeEach
    void seed() {
        client.putItem(b -> b.tableName("badges").item(item("user", s("kim"),
                "earned", AttributeValue.fromSs(List.of("bronze", "silver")),
                "levels", AttributeValue.fromNs(List.of("1", "2")),
                "tokens", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1}))),
                "nickname", s("k"))));
    }

    private static void run(String statement) {
        client.executeStatement(b -> b.statement(statement));
    }

    private static Map<String, AttributeValue> kim() {
        return client.getItem(b -> b.tableName("badges").key(item("user", s("kim"))).consistentRead(true)).item();
    }

    @Test
    void setAdd_addsMembers_andCreatesAMissingSet() {
        run("UPDATE badges SET earned = set_add(earned, <<'gold', 'bronze'>>) WHERE \"user\" = 'kim'");
        run("UPDATE badges SET levels = SET_ADD(levels, <<3>>) SET streaks = set_add(streaks, <<'week'>>)"
                + " WHERE \"user\" = 'kim'");
        client.executeStatement(b -> b.statement("UPDATE badges SET tokens = set_add(tokens, ?) WHERE \"user\" = 'kim'")
                .parameters(AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {2})))));

        Map<String, AttributeValue> kim = kim();
        assertThat(kim.get("earned").ss()).containsExactlyInAnyOrder("bronze", "silver", "gold");
        assertThat(kim.get("levels").ns()).containsExactlyInAnyOrder("1", "2", "3");
        assertThat(kim.get("streaks").ss()).containsExactly("week");
        assertThat(kim.get("tokens").bs()).hasSize(2);
    }

    @Test
    void setDelete_removesMembers_andTheAttributeWithTheLastOne() {
        run("UPDATE badges SET earned = set_delete(earned, <<'bronze', 'platinum'>>) WHERE \"user\" = 'kim'");
        run("UPDATE badges SET levels = set_delete(levels, <<1, 2>>) WHERE \"user\" = 'kim'");
        run("UPDATE badges SET missing = set_delete(missing, <<'x'>>) WHERE \"user\" = 'kim'");

        Map<String, AttributeValue> kim = kim();
        assertThat(kim.get("earned").ss()).containsExactly("silver");
        assertThat(kim).doesNotContainKeys("levels", "missing");
    }

    @Test
    void setAdd_onAMissingItem_failsItsCondition() {
        assertThatThrownBy(() -> run("UPDATE badges SET earned = set_add(earned, <<'gold'>>) WHERE \"user\" = 'lee'"))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void setAdd_inABatch_runsLikeAnyUpdate() {
        var responses = client.batchExecuteStatement(b -> b.statements(BatchStatementRequest.builder()
                .statement("UPDATE badges SET earned = set_add(earned, <<'gold'>>) WHERE \"user\" = 'kim'").build()))
                .responses();

        assertThat(responses).singleElement().satisfies(response -> assertThat(response.error()).isNull());
        assertThat(kim().get("earned").ss()).contains("gold");
    }

    @Test
    void misusedArguments_areRefusedWithThePositionOfTheCall() {
        // line:column:length of the call, counted from 1; the second-argument error points at the first argument
        assertValidation(() -> run("UPDATE badges SET other = set_add(earned, <<'gold'>>) WHERE \"user\" = 'kim'"),
                "The first argument to SET_ADD must equal the assignment value at 1:27:7");
        assertValidation(() -> run("UPDATE badges SET earned = set_add(earned) WHERE \"user\" = 'kim'"),
                "SET_ADD must have exactly two arguments at 1:28:7");
        assertValidation(() -> run("UPDATE badges SET earned = set_delete(earned, 'gold') WHERE \"user\" = 'kim'"),
                "The second argument to SET_DELETE must be a value with type SET at 1:39:6");
    }

    @Test
    void badMembers_areRefused() {
        assertValidation(() -> run("UPDATE badges SET earned = set_add(earned, <<7>>) WHERE \"user\" = 'kim'"),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> run("UPDATE badges SET nickname = set_add(nickname, <<'x'>>) WHERE \"user\" = 'kim'"),
                "An operand in the update expression has an incorrect data type");
        assertValidation(() -> run("UPDATE badges SET earned = set_add(earned, <<'a', 'a'>>) WHERE \"user\" = 'kim'"),
                "One or more parameter values were invalid: Input collection [a, a] contains duplicates.");
        assertValidation(() -> run("UPDATE badges SET earned = set_add(earned, <<>>) WHERE \"user\" = 'kim'"),
                "Empty bags are not supported");
        assertValidation(() -> run("SELECT * FROM badges WHERE \"user\" = 'kim' AND set_add(earned, <<'x'>>) = earned"),
                "Unrecognized function: set_add at 1:47:7");
        assertValidation(() -> run("INSERT INTO badges VALUE {'user': 'max', 'earned': set_add(<<'a'>>, <<'b'>>)}"),
                "Unsupported data type: set_add under key root at 1:52:7");
    }
}
