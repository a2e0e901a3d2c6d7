package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.CreateTableEnhancedRequest;
import software.amazon.awssdk.enhanced.dynamodb.model.EnhancedGlobalSecondaryIndex;
import software.amazon.awssdk.enhanced.dynamodb.model.QueryConditional;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;

/** A global index keyed by several attributes, declared and queried through the Enhanced Client. */
class EnhancedMultiAttributeKeyIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder()
            .dynamoDbClient(local.dynamoDb()).build();
    private static final DynamoDbTable<GameScore> scores = enhanced.table("scores",
            TableSchema.fromBean(GameScore.class));

    @BeforeAll
    static void fill() {
        scores.createTable(CreateTableEnhancedRequest.builder().globalSecondaryIndices(EnhancedGlobalSecondaryIndex
                .builder().indexName(GameScore.LEADERBOARD)
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build()).build());
        scores.putItem(new GameScore("s1", "cup", "eu", "r1", 30));
        scores.putItem(new GameScore("s2", "cup", "eu", "r1", 10));
        scores.putItem(new GameScore("s3", "cup", "eu", "r2", 50));
        scores.putItem(new GameScore("s4", "cup", "us", "r1", 70));
        scores.putItem(new GameScore("s5", "league", "eu", "r1", 90));
    }

    private static List<String> ids(QueryConditional conditional) {
        return scores.index(GameScore.LEADERBOARD).query(conditional).stream()
                .flatMap(page -> page.items().stream()).map(GameScore::getId).toList();
    }

    @Test
    void createTable_declaresEveryKeyAttributeOfTheIndexInOrder() {
        var index = local.dynamoDb().describeTable(b -> b.tableName("scores")).table().globalSecondaryIndexes().get(0);

        assertThat(index.keySchema()).extracting(k -> k.attributeName() + ":" + k.keyType())
                .containsExactly("tournament:" + KeyType.HASH, "region:" + KeyType.HASH, "round:" + KeyType.RANGE,
                        "points:" + KeyType.RANGE);
    }

    @Test
    void query_onTheWholePartitionKey_ordersBySortAttributesInTurn() {
        assertThat(ids(QueryConditional.keyEqualTo(k -> k.addPartitionValue("cup").addPartitionValue("eu"))))
                .containsExactly("s2", "s1", "s3");
    }

    @Test
    void query_withTheFirstSortAttributeEqual_andARangeOnTheSecond() {
        assertThat(ids(QueryConditional.sortGreaterThan(k -> k.addPartitionValue("cup").addPartitionValue("eu")
                .addSortValue("r1").addSortValue(15)))).containsExactly("s1");
        assertThat(ids(QueryConditional.keyEqualTo(k -> k.addPartitionValue("cup").addPartitionValue("eu")
                .addSortValue("r1")))).containsExactly("s2", "s1");
        assertThat(ids(QueryConditional.sortGreaterThan(k -> k.addPartitionValue("cup").addPartitionValue("eu")
                .addSortValue("r1")))).containsExactly("s3");
    }
}
