package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.jets.dynamodb.local.LocalServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbEnhancedClient;
import software.amazon.awssdk.enhanced.dynamodb.DynamoDbTable;
import software.amazon.awssdk.enhanced.dynamodb.Expression;
import software.amazon.awssdk.enhanced.dynamodb.Key;
import software.amazon.awssdk.enhanced.dynamodb.TableSchema;
import software.amazon.awssdk.enhanced.dynamodb.model.IgnoreNullsMode;
import software.amazon.awssdk.enhanced.dynamodb.model.PutItemEnhancedRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;

/** Nested beans through the Enhanced Client, including the nested-path updates of IgnoreNullsMode.SCALAR_ONLY. */
class EnhancedNestedIT {

    @RegisterExtension
    static final LocalServer local = LocalServer.start();
    private static final DynamoDbClient client = local.dynamoDb();
    private static final DynamoDbEnhancedClient enhanced = DynamoDbEnhancedClient.builder().dynamoDbClient(client)
            .build();
    private static final DynamoDbTable<Profile> profiles = enhanced.table("profiles",
            TableSchema.fromBean(Profile.class));

    @BeforeAll
    static void createTable() {
        profiles.createTable();
    }

    private static Key id(String id) {
        return Key.builder().partitionValue(id).build();
    }

    private static Profile profile(String id, String city, String zip) {
        Profile profile = new Profile();
        profile.setId(id);
        profile.setAddress(new Profile.Address(city, zip));
        return profile;
    }

    private static Map<String, AttributeValue> stored(String id) {
        return client.getItem(b -> b.tableName("profiles").key(Map.of("id", AttributeValue.fromS(id)))).item();
    }

    @Test
    void nestedBeans_listsAndMapsOfBeans_andAFlattenedBean_roundTrip() {
        Profile profile = profile("round", "Lyon", "69001");
        Profile.Geo geo = new Profile.Geo();
        geo.setLat(45.75);
        geo.setLon(4.85);
        profile.getAddress().setGeo(geo);
        profile.setBilling(new Profile.Address());
        Profile.Audit audit = new Profile.Audit();
        audit.setChangedBy("ann");
        audit.setChangedAt(1_700_000_000_000L);
        profile.setAudit(audit);
        profile.setPrevious(List.of(new Profile.Address("Paris", "75001"), new Profile.Address("Nice", "06000")));
        profile.setNamed(Map.of("home", new Profile.Address("Lyon", "69001")));
        profiles.putItem(profile);

        Profile read = profiles.getItem(id("round"));

        assertThat(read.getAddress().getGeo().getLat()).isEqualTo(45.75);
        assertThat(read.getBilling()).isNotNull();
        assertThat(read.getAudit().getChangedBy()).isEqualTo("ann");
        assertThat(read.getPrevious()).extracting(Profile.Address::getCity).containsExactly("Paris", "Nice");
        assertThat(read.getNamed().get("home").getZip()).isEqualTo("69001");
        assertThat(stored("round")).containsKeys("changedBy", "changedAt").doesNotContainKey("audit");
        assertThat(stored("round").get("address").m().get("geo").m())
                .containsEntry("lon", AttributeValue.fromN("4.85"));
    }

    @Test
    void scalarOnlyUpdate_setsNestedPaths_andKeepsSiblingsTheBeanLeavesNull() {
        Profile original = profile("scalar", "Lyon", "69001");
        Profile.Geo geo = new Profile.Geo();
        geo.setLat(1.0);
        geo.setLon(2.0);
        original.getAddress().setGeo(geo);
        profiles.putItem(original);

        Profile change = new Profile();
        change.setId("scalar");
        change.setAddress(new Profile.Address("Lyon 2e", null));
        Profile.Geo moved = new Profile.Geo();
        moved.setLat(3.0);
        change.getAddress().setGeo(moved);
        Profile updated = profiles.updateItem(r -> r.item(change).ignoreNullsMode(IgnoreNullsMode.SCALAR_ONLY));

        assertThat(updated.getAddress().getCity()).isEqualTo("Lyon 2e");
        assertThat(updated.getAddress().getZip()).isEqualTo("69001");
        assertThat(updated.getAddress().getGeo().getLat()).isEqualTo(3.0);
        assertThat(updated.getAddress().getGeo().getLon()).isEqualTo(2.0);
    }

    @Test
    void mapsOnlyUpdate_replacesTheNestedMapWhole() {
        profiles.putItem(profile("maps", "Lyon", "69001"));

        Profile change = new Profile();
        change.setId("maps");
        change.setAddress(new Profile.Address("Grenoble", null));
        Profile updated = profiles.updateItem(r -> r.item(change).ignoreNullsMode(IgnoreNullsMode.MAPS_ONLY));

        assertThat(updated.getAddress().getCity()).isEqualTo("Grenoble");
        assertThat(updated.getAddress().getZip()).isNull();
    }

    @Test
    void putItem_returnsTheOldItem_andItsConsumedCapacity() {
        profiles.putItem(profile("old", "Lyon", "69001"));

        var response = profiles.putItemWithResponse(PutItemEnhancedRequest.builder(Profile.class)
                .item(profile("old", "Paris", "75001")).returnValues(ReturnValue.ALL_OLD)
                .returnConsumedCapacity(ReturnConsumedCapacity.TOTAL).build());

        assertThat(response.attributes().getAddress().getCity()).isEqualTo("Lyon");
        assertThat(response.consumedCapacity().tableName()).isEqualTo("profiles");
        assertThat(response.consumedCapacity().capacityUnits()).isEqualTo(1.0);
    }

    @Test
    void conditionalPut_thatFails_returnsTheItemItFoundWhenAsked() {
        profiles.putItem(profile("cond", "Lyon", "69001"));

        ConditionalCheckFailedException error = catchThrowableOfType(ConditionalCheckFailedException.class,
                () -> profiles.putItem(PutItemEnhancedRequest.builder(Profile.class).item(profile("cond", "X", "0"))
                        .conditionExpression(Expression.builder().expression("attribute_not_exists(id)").build())
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD).build()));

        assertThat(error.getMessage()).startsWith("The conditional request failed");
        assertThat(error.item().get("address").m().get("city")).isEqualTo(AttributeValue.fromS("Lyon"));
    }
}
