package io.jets.dynamodb.local.internal.table;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Index definitions as the table catalog stores them, including those written before multi-attribute keys. */
class IndexDefinitionTest {

    @Test
    void definitionStoredWithOneHashAndOneRangeKey_loadsWithThemAsItsKeyLists() throws Exception {
        String stored = "{\"name\":\"by-owner\",\"hashKey\":\"owner\",\"rangeKey\":\"created\","
                + "\"projectionType\":\"ALL\",\"nonKeyAttributes\":[],\"readCapacityUnits\":0,"
                + "\"writeCapacityUnits\":0}";

        IndexDefinition index = Json.MAPPER.readValue(stored, IndexDefinition.class);

        assertThat(index.hashKeys()).containsExactly("owner");
        assertThat(index.rangeKeys()).containsExactly("created");
        assertThat(index.keyNames()).containsExactly("owner", "created");
        assertThat(index.multiAttributeKey()).isFalse();
    }

    @Test
    void definitionStoredWithOnlyAHashKey_hasNoRangeKeys() throws Exception {
        String stored = "{\"name\":\"by-owner\",\"hashKey\":\"owner\",\"projectionType\":\"KEYS_ONLY\"}";

        IndexDefinition index = Json.MAPPER.readValue(stored, IndexDefinition.class);

        assertThat(index.rangeKey()).isNull();
        assertThat(index.rangeKeys()).isEmpty();
        assertThat(index.keyNames()).containsExactly("owner");
    }

    @Test
    void multiAttributeKey_survivesBeingStoredAndLoaded() throws Exception {
        IndexDefinition index = new IndexDefinition("by-week", "league", "week", "ALL", List.of(), 0, 0,
                List.of("league", "season"), List.of("week", "kickoff"));

        IndexDefinition loaded = Json.MAPPER.readValue(Json.MAPPER.writeValueAsString(index), IndexDefinition.class);

        assertThat(loaded).isEqualTo(index);
        assertThat(loaded.keyNames()).containsExactly("league", "season", "week", "kickoff");
        assertThat(loaded.multiAttributeKey()).isTrue();
    }
}
