package io.jets.dynamodb.local;

import static io.jets.dynamodb.local.IndexMaintenanceIT.createTasks;
import static io.jets.dynamodb.local.IndexMaintenanceIT.describeIndex;
import static io.jets.dynamodb.local.IndexMaintenanceIT.putTask;
import static io.jets.dynamodb.local.IndexMaintenanceIT.scanIndex;
import static io.jets.dynamodb.local.IndexMaintenanceIT.tasksOf;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * Secondary indexes live in the data directory with their tables: they survive a restart, and a directory written
 * by a version that kept no index entries answers index reads as soon as it is opened.
 */
class IndexDurabilityIT {

    @Test
    void restart_keepsTheIndexes(@TempDir Path data) {
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            createTasks(client, "tasks");
            putTask(client, "tasks", "t1", "ann", "2");
            putTask(client, "tasks", "t2", "ann", "1");
        }
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            putTask(client, "tasks", "t3", "bob", "1");
            putTask(client, "tasks", "t2", "bob", "2");

            assertThat(tasksOf(client, "tasks", "ann")).containsExactly("t1");
            assertThat(tasksOf(client, "tasks", "bob")).containsExactly("t3", "t2");
        }
    }

    @Test
    void dataDirectoryWithoutIndexEntries_answersIndexReadsOnceOpened(@TempDir Path data) throws Exception {
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            createTasks(client, "tasks");
            for (int i = 0; i < 40; i++) {
                putTask(client, "tasks", "t" + i, i < 30 ? "ann" : "bob", Integer.toString(i % 7));
            }
            client.putItem(b -> b.tableName("tasks").item(java.util.Map.of("id", Clients.s("loose"))));
        }
        // what a data directory written before index entries were kept looks like
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + data.resolve("dynamodb.sqlite"));
             Statement statement = connection.createStatement()) {
            statement.execute("DROP TABLE index_entries");
        }
        try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(data).start();
             DynamoDbClient client = Clients.dynamoDb(server.endpoint())) {
            assertThat(tasksOf(client, "tasks", "bob")).containsExactly("t35", "t36", "t30", "t37", "t31", "t38",
                    "t32", "t39", "t33", "t34");
            assertThat(tasksOf(client, "tasks", "ann")).hasSize(30);
            assertThat(scanIndex(client, "tasks")).hasSize(40);
            assertThat(describeIndex(client, "tasks").itemCount()).isEqualTo(40);

            client.deleteItem(b -> b.tableName("tasks").key(java.util.Map.of("id", Clients.s("t35"))));
            assertThat(tasksOf(client, "tasks", "bob")).startsWith("t36", "t30");
        }
    }
}
