package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.dynamodbv2.AmazonDynamoDB;
import com.amazonaws.services.dynamodbv2.document.AttributeUpdate;
import com.amazonaws.services.dynamodbv2.document.DynamoDB;
import com.amazonaws.services.dynamodbv2.document.Expected;
import com.amazonaws.services.dynamodbv2.document.Item;
import com.amazonaws.services.dynamodbv2.document.RangeKeyCondition;
import com.amazonaws.services.dynamodbv2.document.Table;
import com.amazonaws.services.dynamodbv2.document.spec.QuerySpec;
import com.amazonaws.services.dynamodbv2.document.spec.UpdateItemSpec;
import com.amazonaws.services.dynamodbv2.document.utils.ValueMap;
import com.amazonaws.services.dynamodbv2.model.AttributeDefinition;
import com.amazonaws.services.dynamodbv2.model.BillingMode;
import com.amazonaws.services.dynamodbv2.model.ConditionalCheckFailedException;
import com.amazonaws.services.dynamodbv2.model.CreateTableRequest;
import com.amazonaws.services.dynamodbv2.model.KeySchemaElement;
import com.amazonaws.services.dynamodbv2.model.KeyType;
import com.amazonaws.services.dynamodbv2.model.ReturnValue;
import com.amazonaws.services.dynamodbv2.model.ScalarAttributeType;
import io.jets.dynamodb.local.LocalServer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** SDK v1's Document API: Items with JSON, sets and exact numbers; legacy AttributeUpdate and Expected. */
class DocumentApiV1IT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final AmazonDynamoDB client = V1Clients.dynamoDb(local.endpoint());
    private static final DynamoDB dynamoDb = new DynamoDB(client);
    private static Table table;

    @BeforeAll
    static void createTable() throws InterruptedException {
        table = dynamoDb.createTable(new CreateTableRequest().withTableName("music")
                .withBillingMode(BillingMode.PAY_PER_REQUEST)
                .withAttributeDefinitions(new AttributeDefinition("artist", ScalarAttributeType.S),
                        new AttributeDefinition("year", ScalarAttributeType.N))
                .withKeySchema(new KeySchemaElement("artist", KeyType.HASH),
                        new KeySchemaElement("year", KeyType.RANGE)));
        table.waitForActive();
    }

    @AfterAll
    static void shutdown() {
        dynamoDb.shutdown();
    }

    @Test
    void item_withJsonSetsAndExactNumbers_roundTrips() {
        table.putItem(new Item().withPrimaryKey("artist", "Nina", "year", 1958)
                .withJSON("album", "{\"title\":\"Little Girl Blue\",\"tracks\":[\"Mood Indigo\",\"Love Me\"],"
                        + "\"label\":{\"name\":\"Bethlehem\",\"catalog\":6028}}")
                .withStringSet("genres", "jazz", "soul")
                .withNumber("sales", new BigDecimal("1234567890123456789012345678901234567.8"))
                .withBinary("cover", new byte[] {1, 2, 3}));

        Item read = table.getItem("artist", "Nina", "year", 1958);

        assertThat(read.getJSON("album")).contains("\"title\":\"Little Girl Blue\"").contains("\"catalog\":6028");
        assertThat(read.getStringSet("genres")).containsExactlyInAnyOrder("jazz", "soul");
        assertThat(read.getNumber("sales")).isEqualTo(new BigDecimal("1234567890123456789012345678901234567.8"));
        assertThat(read.getBinary("cover")).containsExactly(1, 2, 3);
    }

    @Test
    void legacyAttributeUpdatesAndExpected_updateOnlyWhatTheyMatch() {
        table.putItem(new Item().withPrimaryKey("artist", "Miles", "year", 1959).withNumber("plays", 1)
                .withStringSet("tags", "modal"));

        var outcome = table.updateItem(new UpdateItemSpec().withPrimaryKey("artist", "Miles", "year", 1959)
                .withAttributeUpdate(new AttributeUpdate("plays").addNumeric(4),
                        new AttributeUpdate("tags").addElements("cool"),
                        new AttributeUpdate("title").put("Kind of Blue"))
                .withExpected(new Expected("plays").eq(1))
                .withReturnValues(ReturnValue.ALL_NEW));

        assertThat(outcome.getItem().getInt("plays")).isEqualTo(5);
        assertThat(outcome.getItem().getStringSet("tags")).containsExactlyInAnyOrder("modal", "cool");
        assertThatThrownBy(() -> table.updateItem(new UpdateItemSpec().withPrimaryKey("artist", "Miles",
                "year", 1959).withAttributeUpdate(new AttributeUpdate("plays").addNumeric(1))
                .withExpected(new Expected("plays").eq(1))))
                .isInstanceOf(ConditionalCheckFailedException.class)
                .hasMessageStartingWith("The conditional request failed");
    }

    @Test
    void query_withARangeConditionAndExpressions_pagesThroughEveryItem() {
        for (int year = 1960; year < 1970; year++) {
            table.putItem(new Item().withPrimaryKey("artist", "Coltrane", "year", year).withInt("rating", year % 5));
        }

        List<Integer> years = new ArrayList<>();
        table.query(new QuerySpec().withHashKey("artist", "Coltrane")
                        .withRangeKeyCondition(new RangeKeyCondition("year").between(1962, 1968))
                        .withFilterExpression("rating >= :r").withValueMap(new ValueMap().withInt(":r", 2))
                        .withMaxPageSize(2))
                .forEach(item -> years.add(item.getInt("year")));

        assertThat(years).containsExactly(1962, 1963, 1964, 1967, 1968);
    }
}
