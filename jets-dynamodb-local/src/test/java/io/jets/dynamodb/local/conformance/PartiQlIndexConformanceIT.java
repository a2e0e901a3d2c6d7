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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementErrorCodeEnum;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchStatementResponse;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * PartiQL reads through a secondary index, and the rule that a SELECT in BatchExecuteStatement names the whole
 * primary key and nothing else.
 */
class PartiQlIndexConformanceIT {

    private static final String BATCH_NEEDS_KEY = "Select statements within BatchExecuteStatement must specify the"
            + " primary key in the where clause.";

    @RegisterExtension
    static final LocalServer local = LocalServer.start(LocalServer::instantIndexes);
    private static final DynamoDbClient client = local.dynamoDb();

    @BeforeAll
    static void createTables() {
        client.createTable(b -> b.tableName("tickets").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("project", ScalarAttributeType.S),
                        attribute("number", ScalarAttributeType.S), attribute("assignee", ScalarAttributeType.S))
                .keySchema(hash("project"), range("number"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-assignee")
                        .keySchema(hash("assignee"))
                        .projection(Projection.builder().projectionType(ProjectionType.INCLUDE)
                                .nonKeyAttributes("title").build()).build()));
        client.putItem(b -> b.tableName("tickets").item(item("project", s("web"), "number", s("1"),
                "assignee", s("ana"), "title", s("Login"), "notes", s("long"))));
        client.putItem(b -> b.tableName("tickets").item(item("project", s("web"), "number", s("2"),
                "title", s("Unassigned"))));
    }

    private static List<Map<String, AttributeValue>> run(String statement) {
        return client.executeStatement(b -> b.statement(statement)).items();
    }

    @Test
    void indexRead_seesOnlyItemsInTheIndex_withTheAttributesItProjects() {
        assertThat(run("SELECT * FROM tickets.\"by-assignee\" WHERE project = 'web'")).containsExactly(
                item("project", s("web"), "number", s("1"), "assignee", s("ana"), "title", s("Login")));
        assertThat(run("SELECT title FROM \"tickets\".\"by-assignee\" WHERE assignee = 'ana'"))
                .containsExactly(item("title", s("Login")));
    }

    @Test
    void indexRead_leavesOutItemsWhoseKeyAttributeHasAnotherType_asTheIndexDoes() {
        client.createTable(b -> b.tableName("parcels").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("parcel", ScalarAttributeType.S)).keySchema(hash("parcel")));
        client.putItem(b -> b.tableName("parcels").item(item("parcel", s("p1"), "depot", s("north"))));
        client.putItem(b -> b.tableName("parcels").item(item("parcel", s("p2"), "depot", n("7"))));
        client.updateTable(b -> b.tableName("parcels").attributeDefinitions(attribute("depot", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-depot").keySchema(hash("depot"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)))));

        assertThat(run("SELECT * FROM parcels.\"by-depot\"")).containsExactly(
                item("parcel", s("p1"), "depot", s("north")));
        assertThat(client.scan(b -> b.tableName("parcels").indexName("by-depot")).items()).containsExactly(
                item("parcel", s("p1"), "depot", s("north")));
    }

    @Test
    void globalIndexRead_refusesColumnsOutsideTheProjection_inStatementOrder() {
        assertValidation(() -> run("SELECT notes, title, due FROM tickets.\"by-assignee\" WHERE assignee = 'ana'"),
                "One or more parameter values were invalid: Global secondary index by-assignee does not project"
                        + " [notes, due]");
    }

    @Test
    void indexRead_refusesAFilterOnAnAttributeTheIndexDoesNotProject() {
        assertValidation(() -> run("SELECT title FROM tickets.\"by-assignee\" WHERE assignee = 'ana' AND notes = 'x'"),
                "One or more parameter values were invalid: Secondary index by-assignee does not project one or more"
                        + " filter attributes: [notes]");
    }

    /** A table whose local and global index project less than the items carry ({@code note} is in neither). */
    private static void createBoards() {
        client.createTable(b -> b.tableName("boards").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("board", ScalarAttributeType.S),
                        attribute("card", ScalarAttributeType.S), attribute("rank", ScalarAttributeType.S),
                        attribute("lane", ScalarAttributeType.S))
                .keySchema(hash("board"), range("card"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-rank")
                        .keySchema(hash("board"), range("rank"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build())
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-lane").keySchema(hash("lane"))
                        .projection(p -> p.projectionType(ProjectionType.INCLUDE).nonKeyAttributes("title"))
                        .build()));
        client.putItem(b -> b.tableName("boards").item(item("board", s("b1"), "card", s("c1"), "rank", s("r1"),
                "lane", s("todo"), "title", s("Plan"), "note", s("n1"))));
        client.putItem(b -> b.tableName("boards").item(item("board", s("b1"), "card", s("c2"), "rank", s("r2"),
                "lane", s("todo"), "title", s("Build"), "note", s("n2"))));
        client.putItem(b -> b.tableName("boards").item(item("board", s("b2"), "card", s("c3"), "lane", s("done"),
                "note", s("n3"))));
    }

    @Test
    void indexRead_refusesAnUnprojectedFilter_onlyWhenItFixesThePartitionKey_elseTheIndexHasNoSuchAttribute() {
        createBoards();
        String refused = "One or more parameter values were invalid: Secondary index %s does not project one or"
                + " more filter attributes: [note]";

        assertValidation(() -> run("SELECT card FROM boards.\"by-lane\" WHERE lane = 'todo' AND note = 'n1'"),
                refused.formatted("by-lane"));
        assertValidation(() -> run("SELECT card FROM boards.\"by-lane\" WHERE lane IN ['todo', 'done']"
                + " AND note = 'n1'"), refused.formatted("by-lane"));
        assertValidation(() -> run("SELECT card FROM boards.\"by-rank\" WHERE board = 'b1' AND NOT note = 'n1'"),
                refused.formatted("by-rank"));
        assertThat(run("SELECT card FROM boards.\"by-lane\" WHERE note = 'n1'")).isEmpty();
        assertThat(run("SELECT card FROM boards.\"by-rank\" WHERE note = 'n1'")).isEmpty();
        assertThat(run("SELECT card FROM boards.\"by-lane\" WHERE NOT note = 'n1'")).extracting(i -> i.get("card"))
                .containsExactlyInAnyOrder(s("c1"), s("c2"), s("c3"));
        assertThat(run("SELECT card FROM boards.\"by-lane\" WHERE (lane = 'todo' AND note = 'n1')"
                + " OR lane = 'done'")).containsExactly(item("card", s("c3")));
    }

    @Test
    void localIndexRead_answersStarWithWhatItProjects_andANamedColumnFromTheBaseItem_chargingThatFetch() {
        client.createTable(b -> b.tableName("lockers").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("site", ScalarAttributeType.S),
                        attribute("locker", ScalarAttributeType.S), attribute("tier", ScalarAttributeType.S))
                .keySchema(hash("site"), range("locker"))
                .localSecondaryIndexes(LocalSecondaryIndex.builder().indexName("by-tier")
                        .keySchema(hash("site"), range("tier"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build()));
        client.putItem(b -> b.tableName("lockers").item(item("site", s("north"), "locker", s("7"), "tier", s("L"),
                "owner", s("kim"))));

        assertThat(run("SELECT * FROM lockers.\"by-tier\" WHERE site = 'north'")).containsExactly(
                item("site", s("north"), "locker", s("7"), "tier", s("L")));
        assertThat(run("SELECT owner FROM lockers.\"by-tier\" WHERE site = 'north'")).containsExactly(
                item("owner", s("kim")));
        assertThat(tableUnits("SELECT * FROM lockers.\"by-tier\" WHERE site = 'north'")).isEqualTo(0.0);
        assertThat(tableUnits("SELECT tier FROM lockers.\"by-tier\" WHERE site = 'north'")).isEqualTo(0.0);
        assertThat(tableUnits("SELECT owner FROM lockers.\"by-tier\" WHERE site = 'north'")).isEqualTo(0.5);
        assertThat(tableUnits("SELECT owner FROM lockers.\"by-tier\" WHERE site = 'north' AND locker = '9'"))
                .isEqualTo(0.5);
    }

    private static double tableUnits(String statement) {
        return client.executeStatement(b -> b.statement(statement)
                .returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)).consumedCapacity().table().capacityUnits();
    }

    @Test
    void fromPath_withAThirdComponentOrAnEmptyName_isRefused_beforeTheTableIsLookedUp() {
        assertValidation(() -> run("SELECT * FROM tickets.\"by-assignee\".\"extra\" WHERE assignee = 'ana'"),
                "A path may contain at most 2 components in the FROM clause");
        assertValidation(() -> run("SELECT * FROM tickets.\"\" WHERE project = 'web'"),
                "Path component cannot be an empty string");
        assertValidation(() -> run("SELECT * FROM \"\" WHERE project = 'web'"),
                "Path component cannot be an empty string");
    }

    @Test
    void writeThroughAnIndex_isRefusedBeforeTheTableIsLookedUp() {
        String onIndex = "This operation is not supported on an index";

        assertValidation(() -> run("UPDATE tickets.\"by-assignee\" SET title = 'x' WHERE project = 'web'"
                + " AND number = '1'"), onIndex);
        assertValidation(() -> run("DELETE FROM \"tickets\".\"by-assignee\" WHERE project = 'web'"
                + " AND number = '1'"), onIndex);
        assertValidation(() -> run("UPDATE \"no-such-table\".\"by-assignee\" SET title = 'x' WHERE project = 'web'"),
                onIndex);
        assertValidation(() -> run("INSERT INTO \"tickets\".\"by-assignee\" VALUE {'project': 'web', 'number': '9'}"),
                "FROM clause may only contain a single table name");
        assertValidation(() -> client.executeTransaction(b -> b.transactStatements(s -> s.statement(
                        "DELETE FROM \"tickets\".\"by-assignee\" WHERE project = 'web' AND number = '1'"))),
                "Validation failed in TransactStatements[0]: " + onIndex);
        assertThat(run("SELECT * FROM tickets WHERE project = 'web' AND number = '1'")).hasSize(1);
    }

    @Test
    void transactionRead_throughAnIndex_isRefused() {
        assertValidation(() -> client.executeTransaction(b -> b.transactStatements(s -> s.statement(
                        "SELECT * FROM \"tickets\".\"by-assignee\" WHERE project = 'web' AND number = '1'"))),
                "Validation failed in TransactStatements[0]: Reads on indices are not supported within"
                        + " transactions.");
    }

    @Test
    void indexRead_isChargedToTheIndex_withTheTableAtZero() {
        var capacity = client.executeStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .statement("SELECT * FROM tickets.\"by-assignee\" WHERE assignee = 'ana'")).consumedCapacity();

        assertThat(capacity.capacityUnits()).isEqualTo(0.5);
        assertThat(capacity.table().capacityUnits()).isEqualTo(0.0);
        assertThat(capacity.globalSecondaryIndexes()).containsOnlyKeys("by-assignee");
        assertThat(capacity.globalSecondaryIndexes().get("by-assignee").capacityUnits()).isEqualTo(0.5);
    }

    @Test
    void writes_areChargedAsTheEquivalentItemWrite_indexArmsIncluded() {
        var inserted = client.executeStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .statement("INSERT INTO tickets VALUE {'project': 'api', 'number': '7', 'assignee': 'bo'}"))
                .consumedCapacity();
        var missing = client.executeStatement(b -> b.returnConsumedCapacity(ReturnConsumedCapacity.INDEXES)
                .statement("DELETE FROM tickets WHERE project = 'api' AND number = '8'")).consumedCapacity();

        assertThat(inserted.capacityUnits()).isEqualTo(2.0);
        assertThat(inserted.table().capacityUnits()).isEqualTo(1.0);
        assertThat(inserted.globalSecondaryIndexes().get("by-assignee").capacityUnits()).isEqualTo(1.0);
        assertThat(missing.capacityUnits()).isEqualTo(1.0);
        assertThat(missing.table().capacityUnits()).isEqualTo(1.0);
        assertThat(missing.hasGlobalSecondaryIndexes()).isFalse();
    }

    @Test
    void indexReadWithItsPartitionKey_pagesThroughThatPartitionOnly_andItsTokenResumesNoOtherRead() {
        client.createTable(b -> b.tableName("shifts").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attribute("shift", ScalarAttributeType.S),
                        attribute("crew", ScalarAttributeType.S))
                .keySchema(hash("shift"))
                .globalSecondaryIndexes(GlobalSecondaryIndex.builder().indexName("by-crew").keySchema(hash("crew"))
                        .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()));
        for (String[] shift : new String[][] {{"mon", "red"}, {"tue", "blue"}, {"wed", "red"}}) {
            client.putItem(b -> b.tableName("shifts").item(item("shift", s(shift[0]), "crew", s(shift[1]))));
        }
        String red = "SELECT shift FROM shifts.\"by-crew\" WHERE crew = 'red'";

        List<String> shifts = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String from = token;
            var page = client.executeStatement(b -> b.statement(red).limit(1).nextToken(from));
            page.items().forEach(found -> shifts.add(found.get("shift").s()));
            token = page.nextToken();
            pages++;
        } while (token != null && pages < 5);
        String first = client.executeStatement(b -> b.statement(red).limit(1)).nextToken();

        assertThat(shifts).containsExactlyInAnyOrder("mon", "wed");
        assertThat(pages).isEqualTo(2);
        assertValidation(() -> client.executeStatement(b -> b.statement("SELECT * FROM shifts").limit(1)
                .nextToken(first)), "NextToken does not match request");
    }

    @Test
    void consistentRead_isRefusedOnAGlobalIndex() {
        assertValidation(() -> client.executeStatement(b -> b.consistentRead(true)
                        .statement("SELECT * FROM tickets.\"by-assignee\" WHERE assignee = 'ana'")),
                "Strongly consistent read is not supported on Global Secondary Indexes");
    }

    @Test
    void batchSelect_withoutTheWholeKey_orWithAFunction_orThroughAnIndex_failsOnlyItsOwnEntry() {
        List<BatchStatementResponse> responses = client.batchExecuteStatement(b -> b.statements(
                statement("SELECT * FROM tickets WHERE project = 'web'"),
                statement("SELECT * FROM tickets WHERE project = 'web' AND number = '1' AND attribute_exists(title)"),
                statement("SELECT * FROM tickets.\"by-assignee\" WHERE assignee = 'ana'"),
                statement("SELECT title FROM tickets WHERE project = 'web' AND number = '2'"))).responses();

        for (BatchStatementResponse refused : responses.subList(0, 3)) {
            assertThat(refused.error().code()).isEqualTo(BatchStatementErrorCodeEnum.VALIDATION_ERROR);
            assertThat(refused.error().message()).isEqualTo(BATCH_NEEDS_KEY);
        }
        assertThat(responses.get(3).error()).isNull();
        assertThat(responses.get(3).item()).isEqualTo(item("title", s("Unassigned")));
    }

    private static BatchStatementRequest statement(String text) {
        return BatchStatementRequest.builder().statement(text).build();
    }
}
