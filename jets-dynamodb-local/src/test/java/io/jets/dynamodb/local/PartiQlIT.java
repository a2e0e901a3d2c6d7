package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.Clients.n;
import static io.jets.dynamodb.local.Clients.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.DuplicateItemException;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

class PartiQlIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbStreamsClient streams = local.streams();

    @BeforeAll
    static void createTables() {
        Clients.createTable(client, "music", true, null);
    }

    @Test
    void insertUpdateSelectDelete_roundTrip_andReachTheStream() {
        String arn = Clients.createTable(client, "songs", true, StreamViewType.NEW_AND_OLD_IMAGES);
        client.executeStatement(b -> b.statement("INSERT INTO \"songs\" VALUE {'id': 'band', 'sk': 1,"
                + " 'title': 'One', 'tags': <<'a', 'b'>>}"));
        client.executeStatement(b -> b.statement("UPDATE songs SET title = ?, plays = 1 WHERE id = ? AND sk = 1")
                .parameters(s("Two"), s("band")));
        var selected = client.executeStatement(b -> b.statement("SELECT title, plays FROM songs WHERE id = 'band'"))
                .items();
        client.executeStatement(b -> b.statement("DELETE FROM songs WHERE id = 'band' AND sk = 1"));

        assertThat(selected).containsExactly(Map.of("title", s("Two"), "plays", n("1")));
        assertThat(client.executeStatement(b -> b.statement("SELECT * FROM songs WHERE id = 'band'")).items())
                .isEmpty();
        List<Record> records = ConcurrencyIT.readAll(streams, arn);
        assertThat(records).extracting(Record::eventName)
                .containsExactly(OperationType.INSERT, OperationType.MODIFY, OperationType.REMOVE);
        assertThat(records.get(1).dynamodb().newImage()).containsEntry("title", s("Two"));
    }

    @Test
    void insertOfExistingKey_isDuplicateItem() {
        client.executeStatement(b -> b.statement("INSERT INTO music VALUE {'id': 'dup', 'sk': 1}"));

        assertThatThrownBy(() -> client.executeStatement(b -> b.statement(
                "INSERT INTO music VALUE {'id': 'dup', 'sk': 1}")))
                .isInstanceOf(DuplicateItemException.class)
                .hasMessageStartingWith("Duplicate primary key exists in table");
    }

    @Test
    void updateOfMissingItem_isConditionalCheckFailed() {
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement(
                "UPDATE music SET title = 'x' WHERE id = 'nobody' AND sk = 1")))
                .isInstanceOf(ConditionalCheckFailedException.class);
    }

    @Test
    void selectWithFilterOnNonKeyAttribute_scansTheTable() {
        client.executeStatement(b -> b.statement("INSERT INTO music VALUE {'id': 'f1', 'sk': 1, 'year': 1999}"));
        client.executeStatement(b -> b.statement("INSERT INTO music VALUE {'id': 'f2', 'sk': 1, 'year': 2005}"));

        var items = client.executeStatement(b -> b.statement("SELECT id FROM music WHERE \"year\" > ?")
                .parameters(n("2000"))).items();

        assertThat(items).containsExactly(Map.of("id", s("f2")));
    }

    @Test
    void batchExecuteStatement_reportsPerStatementErrors() {
        client.executeStatement(b -> b.statement("INSERT INTO music VALUE {'id': 'b1', 'sk': 1}"));
        var responses = client.batchExecuteStatement(b -> b.statements(
                BatchStatementRequest.builder().statement("INSERT INTO music VALUE {'id': 'b2', 'sk': 1}").build(),
                BatchStatementRequest.builder().statement("INSERT INTO music VALUE {'id': 'b1', 'sk': 1}").build()))
                .responses();

        assertThat(responses.get(0).error()).isNull();
        assertThat(responses.get(1).error().codeAsString()).isEqualTo("DuplicateItem");
    }

    @Test
    void malformedStatement_isValidationError() {
        assertThatThrownBy(() -> client.executeStatement(b -> b.statement("SELEKT * FROM music")))
                .hasMessageStartingWith("Statement wasn't well formed, can't be processed:");
    }

    @Test
    void failedConditionAskedForTheOldItem_carriesIt() {
        client.executeStatement(b -> b.statement("INSERT INTO music VALUE {'id': 'rv', 'sk': 1, 'plays': 3}"));
        Map<String, AttributeValue> stored = Map.of("id", s("rv"), "sk", n("1"), "plays", n("3"));

        assertThatThrownBy(() -> client.executeStatement(b -> b.statement(
                "UPDATE music SET plays = 4 WHERE id = 'rv' AND sk = 1 AND plays = 10")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class,
                        e -> assertThat(e.item()).isEqualTo(stored));
    }

    @Test
    void batchUpdateWithReturning_answersTheItemInItsEntry() {
        client.executeStatement(b -> b.statement("INSERT INTO music VALUE {'id': 'ret', 'sk': 1, 'plays': 1}"));

        var responses = client.batchExecuteStatement(b -> b.statements(BatchStatementRequest.builder()
                .statement("UPDATE music SET plays = 2 WHERE id = 'ret' AND sk = 1 RETURNING MODIFIED NEW *").build()))
                .responses();

        assertThat(responses.get(0).error()).isNull();
        assertThat(responses.get(0).item()).isEqualTo(Map.of("plays", n("2")));
    }

    @Test
    void limit_countsTheItemsRead_beforeTheWhereClauseDropsAny() {
        for (int sk = 1; sk <= 4; sk++) {
            int rank = sk;
            client.executeStatement(b -> b.statement("INSERT INTO music VALUE {'id': 'lim', 'sk': " + rank
                    + ", 'live': " + (rank % 2 == 0) + "}"));
        }

        var first = client.executeStatement(b -> b.statement("SELECT sk FROM music WHERE id = 'lim' AND live = true")
                .limit(3));
        var second = client.executeStatement(b -> b.statement("SELECT sk FROM music WHERE id = 'lim' AND live = true")
                .limit(3).nextToken(first.nextToken()));

        assertThat(first.items()).containsExactly(Map.of("sk", n("2")));
        assertThat(first.nextToken()).isNotNull();
        assertThat(second.items()).containsExactly(Map.of("sk", n("4")));
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void select_endsItsPageOnceAMegabyteIsRead() {
        String payload = "x".repeat(300 * 1024);
        for (int sk = 1; sk <= 5; sk++) {
            int rank = sk;
            client.putItem(b -> b.tableName("music").item(Map.of("id", s("big"), "sk", n(Integer.toString(rank)),
                    "payload", s(payload))));
        }

        var first = client.executeStatement(b -> b.statement("SELECT sk FROM music WHERE id = 'big'"));
        var second = client.executeStatement(b -> b.statement("SELECT sk FROM music WHERE id = 'big'")
                .nextToken(first.nextToken()));

        assertThat(first.items()).extracting(item -> item.get("sk").n()).containsExactly("1", "2", "3", "4");
        assertThat(second.items()).extracting(item -> item.get("sk").n()).containsExactly("5");
        assertThat(second.nextToken()).isNull();
    }
}
