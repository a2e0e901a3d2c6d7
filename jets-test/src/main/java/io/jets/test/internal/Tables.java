package io.jets.test.internal;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.core.index.TriggerDefinition;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/** Creates the tables an application's triggers name, as the seed's create-table and update-table commands do. */
public final class Tables {

    private Tables() {
    }

    /** The physical names of the tables the functions' triggers name; stream ARN triggers name none. */
    public static List<String> named(List<FunctionDefinition> functions, ProjectConfig config) {
        Set<String> tables = new LinkedHashSet<>();
        for (FunctionDefinition function : functions) {
            for (TriggerDefinition trigger : function.triggers()) {
                if (!trigger.isStreamArn()) {
                    tables.add(config.tableName(trigger.source()));
                }
            }
        }
        return List.copyOf(tables);
    }

    /** Creates {@code table} on demand billing with its stream on. */
    public static void create(DynamoDbClient client, String table, String partitionKey, String sortKey,
                              StreamViewType viewType) {
        List<AttributeDefinition> attributes = new ArrayList<>();
        List<KeySchemaElement> keys = new ArrayList<>();
        attributes.add(AttributeDefinition.builder().attributeName(partitionKey)
                .attributeType(ScalarAttributeType.S).build());
        keys.add(KeySchemaElement.builder().attributeName(partitionKey).keyType(KeyType.HASH).build());
        if (!sortKey.isEmpty()) {
            attributes.add(AttributeDefinition.builder().attributeName(sortKey)
                    .attributeType(ScalarAttributeType.S).build());
            keys.add(KeySchemaElement.builder().attributeName(sortKey).keyType(KeyType.RANGE).build());
        }
        client.createTable(b -> b.tableName(table).attributeDefinitions(attributes).keySchema(keys)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(viewType)));
    }
}
