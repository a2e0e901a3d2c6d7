package io.jets.deploy.streams;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.DeployException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/**
 * Resolves a trigger's table to its stream with DescribeTable, as Jets does: the table name is namespaced
 * ({@code test-table} → {@code demo-dev_test-table}) and its {@code LatestStreamArn} is used. An explicit stream
 * ARN is returned as given and never namespaced. Each table is described once per resolver.
 *
 * <pre>{@code
 * StreamArnResolver streams = new DynamoDbStreamArnResolver(aws.dynamoDb(), projectConfig);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_DescribeTable.html">DescribeTable</a>
 */
public final class DynamoDbStreamArnResolver implements StreamArnResolver {

    private final DynamoDbClient dynamoDb;
    private final ProjectConfig config;
    private final Optional<URI> endpoint;
    private final Map<String, String> resolved = new HashMap<>();

    public DynamoDbStreamArnResolver(DynamoDbClient dynamoDb, ProjectConfig config) {
        this(dynamoDb, config, Optional.empty());
    }

    /** With the {@code --endpoint-url} the client was given, for the commands in its error messages. */
    public DynamoDbStreamArnResolver(DynamoDbClient dynamoDb, ProjectConfig config, Optional<URI> endpoint) {
        this.dynamoDb = dynamoDb;
        this.config = config;
        this.endpoint = endpoint;
    }

    @Override
    public String streamArn(TriggerDefinition trigger) {
        if (trigger.isStreamArn()) {
            return trigger.source();
        }
        return resolved.computeIfAbsent(config.tableName(trigger.source()), this::describe);
    }

    private String describe(String table) {
        TableDescription description;
        try {
            description = dynamoDb.describeTable(r -> r.tableName(table)).table();
        } catch (ResourceNotFoundException e) {
            throw new DeployException("Table " + table + " does not exist. Create it with: "
                    + TableCommands.createTable(table, endpoint));
        }
        boolean enabled = description.streamSpecification() != null
                && Boolean.TRUE.equals(description.streamSpecification().streamEnabled());
        if (!enabled || description.latestStreamArn() == null) {
            throw new DeployException("Table " + table + " has no stream. Enable it with: "
                    + TableCommands.enableStream(table, endpoint));
        }
        return description.latestStreamArn();
    }
}
