package io.jets.dynamodb.local.conformance;

import static io.jets.dynamodb.local.conformance.Attributes.attribute;
import static io.jets.dynamodb.local.conformance.Attributes.hash;
import static io.jets.dynamodb.local.conformance.Attributes.range;
import static io.jets.dynamodb.local.conformance.ValidationErrors.assertValidation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.dynamodb.local.LocalServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.LimitExceededException;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB's default quotas of secondary indexes per table: 20 global and 5 local. CreateTable refuses more as an
 * invalid request; UpdateTable refuses a 21st global index as a limit exceeded.
 */
class IndexQuotaConformanceIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();

    private static List<AttributeDefinition> definitions(int indexed) {
        List<AttributeDefinition> definitions = new ArrayList<>(List.of(attribute("id", ScalarAttributeType.S),
                attribute("at", ScalarAttributeType.N)));
        for (int i = 1; i <= indexed; i++) {
            definitions.add(attribute("k" + i, ScalarAttributeType.S));
        }
        return definitions;
    }

    private static List<GlobalSecondaryIndex> globalIndexes(int count) {
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            int n = i;
            indexes.add(GlobalSecondaryIndex.builder().indexName("by-k" + n).keySchema(hash("k" + n))
                    .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build());
        }
        return indexes;
    }

    private static void createWithGlobalIndexes(String name, int count) {
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions(count)).keySchema(hash("id"), range("at"))
                .globalSecondaryIndexes(globalIndexes(count)));
    }

    @Test
    void createTable_takesTwentyGlobalIndexes_butNotTwentyOne() {
        createWithGlobalIndexes("twenty", 20);

        assertValidation(() -> createWithGlobalIndexes("twenty-one", 21),
                "One or more parameter values were invalid: GlobalSecondaryIndex count exceeds the per-table limit"
                        + " of 20");
        assertThat(client.describeTable(b -> b.tableName("twenty")).table().globalSecondaryIndexes()).hasSize(20);
        assertThat(client.listTables().tableNames()).doesNotContain("twenty-one");
    }

    @Test
    void updateTable_creatingATwentyFirstGlobalIndex_isALimitExceeded() {
        createWithGlobalIndexes("full", 20);

        assertThatThrownBy(() -> client.updateTable(b -> b.tableName("full")
                .attributeDefinitions(attribute("k21", ScalarAttributeType.S))
                .globalSecondaryIndexUpdates(u -> u.create(c -> c.indexName("by-k21").keySchema(hash("k21"))
                        .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY))))))
                .isInstanceOf(LimitExceededException.class)
                .satisfies(e -> assertThat(((LimitExceededException) e).awsErrorDetails().errorMessage())
                        .isEqualTo("Subscriber limit exceeded: Number of global secondary indexes exceeds per-table"
                                + " limit of 20"));
        assertThat(client.describeTable(b -> b.tableName("full")).table().globalSecondaryIndexes()).hasSize(20);
    }

    private static void createWithLocalIndexes(String name, int count) {
        List<LocalSecondaryIndex> indexes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            indexes.add(LocalSecondaryIndex.builder().indexName("by-k" + i).keySchema(hash("id"), range("k" + i))
                    .projection(p -> p.projectionType(ProjectionType.KEYS_ONLY)).build());
        }
        client.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definitions(count)).keySchema(hash("id"), range("at"))
                .localSecondaryIndexes(indexes));
    }

    @Test
    void createTable_takesFiveLocalIndexes_butNotSix() {
        createWithLocalIndexes("five-locals", 5);

        assertValidation(() -> createWithLocalIndexes("six-locals", 6),
                "One or more parameter values were invalid: Number of LocalSecondaryIndexes exceeds per-table limit"
                        + " of 5");
        assertThat(client.describeTable(b -> b.tableName("five-locals")).table().localSecondaryIndexes())
                .hasSize(5);
    }
}
