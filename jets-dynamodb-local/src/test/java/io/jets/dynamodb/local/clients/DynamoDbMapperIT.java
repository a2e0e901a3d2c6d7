package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapper;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBMapperConfig.SaveBehavior;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBQueryExpression;
import com.amazonaws.services.dynamodbv2.datamodeling.DynamoDBScanExpression;
import com.amazonaws.services.dynamodbv2.datamodeling.TransactionLoadRequest;
import com.amazonaws.services.dynamodbv2.datamodeling.TransactionWriteRequest;
import com.amazonaws.services.dynamodbv2.model.AttributeValue;
import com.amazonaws.services.dynamodbv2.model.BillingMode;
import com.amazonaws.services.dynamodbv2.model.ComparisonOperator;
import com.amazonaws.services.dynamodbv2.model.Condition;
import com.amazonaws.services.dynamodbv2.model.ConditionalCheckFailedException;
import com.amazonaws.services.dynamodbv2.model.CreateTableRequest;
import com.amazonaws.services.dynamodbv2.model.Projection;
import com.amazonaws.services.dynamodbv2.model.ProjectionType;
import com.amazonaws.services.dynamodbv2.model.TransactionCanceledException;
import com.amazonaws.services.dynamodbv2.util.TableUtils;
import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SDK v1's DynamoDBMapper, which still sends the legacy Expected, AttributeUpdates and KeyConditions. */
class DynamoDbMapperIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final AmazonDynamoDB client = V1Clients.dynamoDb(local.endpoint());
    private static final DynamoDBMapper mapper = new DynamoDBMapper(client);

    @BeforeAll
    static void createTable() throws InterruptedException {
        CreateTableRequest request = mapper.generateCreateTableRequest(ForumThread.class)
                .withBillingMode(BillingMode.PAY_PER_REQUEST);
        request.getGlobalSecondaryIndexes().forEach(index ->
                index.setProjection(new Projection().withProjectionType(ProjectionType.ALL)));
        request.getLocalSecondaryIndexes().forEach(index ->
                index.setProjection(new Projection().withProjectionType(ProjectionType.ALL)));
        assertThat(TableUtils.createTableIfNotExists(client, request)).isTrue();
        TableUtils.waitUntilActive(client, "threads");
        assertThat(TableUtils.createTableIfNotExists(client, request)).isFalse();
    }

    @AfterAll
    static void shutdown() {
        client.shutdown();
    }

    @Test
    void saveLoadDelete_roundTripsNestedDocumentsAndSets() {
        ForumThread thread = new ForumThread("java", "mapper", "ann", 3);
        thread.setTags(Set.of("sdk", "v1"));
        ForumThread.Details details = new ForumThread.Details();
        details.setBody("hello");
        details.setLinks(List.of("a", "b"));
        details.setScore(4.25);
        thread.setDetails(details);
        mapper.save(thread);

        ForumThread loaded = mapper.load(ForumThread.class, "java", "mapper");
        assertThat(loaded.getAuthor()).isEqualTo("ann");
        assertThat(loaded.getTags()).containsExactlyInAnyOrder("sdk", "v1");
        assertThat(loaded.getDetails().getLinks()).containsExactly("a", "b");
        assertThat(loaded.getDetails().getScore()).isEqualTo(4.25);
        assertThat(loaded.getVersion()).isEqualTo(1L);
        assertThat(loaded.getToken()).isNotBlank().isEqualTo(thread.getToken());

        mapper.delete(loaded);
        assertThat(mapper.load(ForumThread.class, "java", "mapper")).isNull();
    }

    @Test
    void optimisticLocking_refusesAStaleSaveAndDelete_whileClobberOverwrites() {
        mapper.save(new ForumThread("lock", "t", "bob", 0));
        ForumThread first = mapper.load(ForumThread.class, "lock", "t");
        ForumThread second = mapper.load(ForumThread.class, "lock", "t");
        first.setReplies(1);
        mapper.save(first);

        second.setReplies(2);
        assertThatThrownBy(() -> mapper.save(second)).isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        assertThatThrownBy(() -> mapper.delete(second)).isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
        assertThat(mapper.load(ForumThread.class, "lock", "t").getReplies()).isEqualTo(1);
        assertThat(mapper.load(ForumThread.class, "lock", "t").getVersion()).isEqualTo(2L);

        // CLOBBER disregards the version: a plain PutItem without Expected
        mapper.save(second, DynamoDBMapperConfig.builder().withSaveBehavior(SaveBehavior.CLOBBER).build());
        assertThat(mapper.load(ForumThread.class, "lock", "t").getReplies()).isEqualTo(2);
    }

    @Test
    void updateSkipNulls_keepsAttributesLeftNull_whileUpdateRemovesThem() {
        ForumThread full = new ForumThread("nulls", "t", "cy", 9);
        full.setTags(Set.of("keep"));
        mapper.save(full);

        ForumThread partial = mapper.load(ForumThread.class, "nulls", "t");
        partial.setTags(null);
        partial.setReplies(10);
        mapper.save(partial, DynamoDBMapperConfig.builder().withSaveBehavior(SaveBehavior.UPDATE_SKIP_NULL_ATTRIBUTES)
                .build());
        assertThat(mapper.load(ForumThread.class, "nulls", "t").getTags()).containsExactly("keep");

        ForumThread again = mapper.load(ForumThread.class, "nulls", "t");
        again.setTags(null);
        mapper.save(again);
        ForumThread loaded = mapper.load(ForumThread.class, "nulls", "t");
        assertThat(loaded.getTags()).isNull();
        assertThat(loaded.getReplies()).isEqualTo(10);
    }

    @Test
    void query_withRangeConditions_andAnIndex_pagesLazily() {
        for (int i = 0; i < 7; i++) {
            mapper.save(new ForumThread("q", "s-" + i, i % 2 == 0 ? "even" : "odd", i * 10));
        }

        var query = new DynamoDBQueryExpression<ForumThread>()
                .withHashKeyValues(new ForumThread("q", null, null, 0))
                .withRangeKeyCondition("subject", new Condition().withComparisonOperator(ComparisonOperator.BETWEEN)
                        .withAttributeValueList(new AttributeValue("s-2"), new AttributeValue("s-5")))
                .withLimit(2);
        assertThat(mapper.query(ForumThread.class, query)).extracting(ForumThread::getSubject)
                .containsExactly("s-2", "s-3", "s-4", "s-5");

        var page = mapper.queryPage(ForumThread.class, query);
        assertThat(page.getResults()).hasSize(2);
        assertThat(page.getLastEvaluatedKey()).containsEntry("subject", new AttributeValue("s-3"));

        ForumThread byAuthor = new ForumThread();
        byAuthor.setAuthor("even");
        var indexQuery = new DynamoDBQueryExpression<ForumThread>().withIndexName(ForumThread.BY_AUTHOR)
                .withConsistentRead(false).withHashKeyValues(byAuthor)
                .withRangeKeyCondition("replies", new Condition().withComparisonOperator(ComparisonOperator.GE)
                        .withAttributeValueList(new AttributeValue().withN("20")))
                .withScanIndexForward(false);
        assertThat(mapper.query(ForumThread.class, indexQuery)).extracting(ForumThread::getReplies)
                .containsExactly(60, 40, 20);

        var localIndex = new DynamoDBQueryExpression<ForumThread>().withIndexName(ForumThread.BY_REPLIES)
                .withKeyConditionExpression("forum = :f AND replies < :r")
                .withExpressionAttributeValues(Map.of(":f", new AttributeValue("q"),
                        ":r", new AttributeValue().withN("25")));
        assertThat(mapper.query(ForumThread.class, localIndex)).extracting(ForumThread::getSubject)
                .containsExactly("s-0", "s-1", "s-2");
        assertThat(mapper.count(ForumThread.class, localIndex)).isEqualTo(3);
    }

    @Test
    void scan_withAFilter_andParallelScan_seeEveryMatchingItem() {
        for (int i = 0; i < 6; i++) {
            mapper.save(new ForumThread("scan", "s-" + i, "scanner", i));
        }

        var filtered = new DynamoDBScanExpression().withLimit(3)
                .withFilterConditionEntry("author", new Condition().withComparisonOperator(ComparisonOperator.EQ)
                        .withAttributeValueList(new AttributeValue("scanner")))
                .withFilterConditionEntry("replies", new Condition().withComparisonOperator(ComparisonOperator.GT)
                        .withAttributeValueList(new AttributeValue().withN("2")));
        assertThat(mapper.scan(ForumThread.class, filtered)).extracting(ForumThread::getSubject)
                .containsExactlyInAnyOrder("s-3", "s-4", "s-5");

        var everything = new DynamoDBScanExpression().withFilterExpression("forum = :f")
                .withExpressionAttributeValues(Map.of(":f", new AttributeValue("scan")));
        assertThat(mapper.parallelScan(ForumThread.class, everything, 3)).extracting(ForumThread::getSubject)
                .containsExactlyInAnyOrder("s-0", "s-1", "s-2", "s-3", "s-4", "s-5");
    }

    @Test
    void batchSaveAndLoad_andBatchDelete() {
        List<ForumThread> threads = List.of(new ForumThread("batch", "a", "x", 1),
                new ForumThread("batch", "b", "x", 2), new ForumThread("batch", "c", "x", 3));
        assertThat(mapper.batchSave(threads)).isEmpty();

        Map<String, List<Object>> loaded = mapper.batchLoad(List.of(new ForumThread("batch", "a", null, 0),
                new ForumThread("batch", "c", null, 0), new ForumThread("batch", "zz", null, 0)));
        assertThat(loaded.get("threads")).extracting(Object::toString)
                .containsExactlyInAnyOrder("batch/a", "batch/c");

        assertThat(mapper.batchDelete(threads)).isEmpty();
        assertThat(mapper.load(ForumThread.class, "batch", "b")).isNull();
    }

    @Test
    void transactionWrite_withAStaleVersion_isCancelled_andWritesNothing() {
        mapper.save(new ForumThread("tx", "exists", "t", 1));
        ForumThread stale = mapper.load(ForumThread.class, "tx", "exists");
        mapper.save(mapper.load(ForumThread.class, "tx", "exists"));

        var transaction = new TransactionWriteRequest()
                .addPut(new ForumThread("tx", "new", "t", 2))
                .addUpdate(stale);

        assertThatThrownBy(() -> mapper.transactionWrite(transaction))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e ->
                        assertThat(e.getCancellationReasons().stream().map(r -> r.getCode())
                                .collect(Collectors.toList())).containsExactly("None", "ConditionalCheckFailed"))
                .hasMessageStartingWith("Transaction cancelled, please refer cancellation reasons for specific "
                        + "reasons [None, ConditionalCheckFailed]");
        assertThat(mapper.load(ForumThread.class, "tx", "new")).isNull();

        ForumThread current = mapper.load(ForumThread.class, "tx", "exists");
        mapper.transactionWrite(new TransactionWriteRequest().addPut(new ForumThread("tx", "new", "t", 2))
                .addUpdate(current));
        assertThat(mapper.transactionLoad(new TransactionLoadRequest()
                .addLoad(new ForumThread("tx", "new", null, 0)).addLoad(new ForumThread("tx", "exists", null, 0))))
                .extracting(Object::toString).containsExactly("tx/new", "tx/exists");
        assertThat(mapper.load(ForumThread.class, "tx", "exists").getVersion()).isEqualTo(3L);
    }
}
