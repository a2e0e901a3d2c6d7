package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.item;
import static io.jets.dynamodb.local.conformance.Attributes.s;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** What a BatchExecuteStatement answers for each member: its table, its error, and what the batch consumed. */
class PartiQlBatchConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTable() {
        client.createTable(b -> b.tableName("lockers").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("locker", ScalarAttributeType.S)).keySchema(hash("locker")));
        for (String locker : List.of("a1", "a2", "a3")) {
            client.putItem(b -> b.tableName("lockers").item(item("locker", s(locker), "owner", s("lee"))));
        }
    }

    private static BatchStatementRequest member(String statement) {
        return BatchStatementRequest.builder().statement(statement).build();
    }

    @Test
    void failedMembers_nameTheirTable_andNeverCarryTheItem_whileRefusedOnesNameNone() {
        List<BatchStatementResponse> responses = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder()
                        .statement("UPDATE lockers SET owner = 'max' WHERE locker = 'a1' AND owner = 'sam'")
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build(),
                member("INSERT INTO lockers VALUE {'locker': 'a2'}"),
                member("SLECT * FROM lockers WHERE locker = 'a3'"))).responses();

        assertThat(responses.get(0).tableName()).isEqualTo("lockers");
        assertThat(responses.get(0).error().codeAsString()).isEqualTo("ConditionalCheckFailed");
        assertThat(responses.get(0).error().message()).isEqualTo("The conditional request failed");
        assertThat(responses.get(0).error().hasItem()).isFalse();
        assertThat(responses.get(1).tableName()).isEqualTo("lockers");
        assertThat(responses.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
        assertThat(responses.get(1).error().message()).isEqualTo("Duplicate primary key exists in table");
        assertThat(responses.get(2).tableName()).isNull();
        assertThat(responses.get(2).error().codeAsString()).isEqualTo("ValidationError");
    }

    @Test
    void consumedCapacity_isReportedPerTable_withEachMembersOwnConsistency() {
        var response = client.batchExecuteStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .statements(BatchStatementRequest.builder()
                                .statement("SELECT * FROM lockers WHERE locker = 'a1'").consistentRead(true).build(),
                        member("SELECT * FROM lockers WHERE locker = 'a2'")));

        assertThat(response.consumedCapacity()).extracting(ConsumedCapacity::tableName,
                ConsumedCapacity::capacityUnits).containsExactly(Tuple.tuple("lockers", 1.5));
        assertThat(response.consumedCapacity().get(0).table().capacityUnits()).isEqualTo(1.5);
        assertThat(client.batchExecuteStatement(b -> b.statements(member("SELECT * FROM lockers WHERE locker = 'a1'")))
                .consumedCapacity()).isEmpty();
    }

    @Test
    void noStatements_failsTheMinimumLength_andTwentySix_theMaximum() {
        List<BatchStatementRequest> tooMany = new java.util.ArrayList<>();
        for (int i = 0; i < 26; i++) {
            tooMany.add(member("SELECT * FROM lockers WHERE locker = 'm" + i + "'"));
        }

        assertValidation(() -> client.batchExecuteStatement(b -> b.statements(List.of())),
                "1 validation error detected: Value '[]' at 'statements' failed to satisfy constraint: Member must"
                        + " have length greater than or equal to 1");
        assertValidation(() -> client.batchExecuteStatement(b -> b.statements(tooMany)),
                "1 validation error detected: Value at 'statements' failed to satisfy constraint: Member must have"
                        + " length less than or equal to 25");
    }

    @Test
    void twoMembersNamingOneItem_refuseTheWholeBatch_readsAsWellAsWrites() {
        String duplicates = "Provided list of item keys contains duplicates";

        assertValidation(() -> client.batchExecuteStatement(b -> b.statements(
                member("SELECT * FROM lockers WHERE locker = 'a1'"),
                member("SELECT owner FROM lockers WHERE locker = 'a1'"))), duplicates);
        assertValidation(() -> client.batchExecuteStatement(b -> b.statements(
                member("UPDATE lockers SET owner = 'kai' WHERE locker = 'a3'"),
                member("DELETE FROM lockers WHERE locker = 'a3'"))), duplicates);

        assertThat(client.getItem(b -> b.tableName("lockers").key(item("locker", s("a3")))).item())
                .containsEntry("owner", s("lee"));
    }

    @Test
    void consumedCapacity_sumsEachTablesArms_andLeavesOutWhatNothingSucceededOn() {
        client.createTable(b -> b.tableName("keys").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("tag", ScalarAttributeType.S), attribute("door", ScalarAttributeType.S))
                .keySchema(hash("tag"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-door").keySchema(hash("door"))
                        .projection(Projection.builder().projectionType(ProjectionType.KEYS_ONLY).build()).build()));

        var capacity = client.batchExecuteStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .statements(member("INSERT INTO keys VALUE {'tag': 'k1', 'door': 'front'}"),
                        member("INSERT INTO keys VALUE {'tag': 'k2', 'door': 'back'}"),
                        member("INSERT INTO lockers VALUE {'locker': 'a1'}"))).consumedCapacity();
        var none = client.batchExecuteStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.TOTAL)
                .statements(member("INSERT INTO keys VALUE {'tag': 'k1'}"))).consumedCapacity();

        assertThat(capacity).hasSize(1);
        assertThat(capacity.get(0).tableName()).isEqualTo("keys");
        assertThat(capacity.get(0).capacityUnits()).isEqualTo(4.0);
        assertThat(capacity.get(0).table().capacityUnits()).isEqualTo(2.0);
        assertThat(capacity.get(0).globalSecondaryIndexes().get("by-door").capacityUnits()).isEqualTo(2.0);
        assertThat(none).isEmpty();
    }
}
