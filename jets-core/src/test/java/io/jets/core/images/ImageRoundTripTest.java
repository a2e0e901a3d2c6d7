package io.jets.core.images;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import io.jets.core.events.DynamodbEventJson;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Any DynamoDB image survives Lambda's JSON and the plain-value view unchanged (300 random images each). */
class ImageRoundTripTest {

    @Test
    void json_roundTrip_keepsEveryImage() {
        for (long seed = 1; seed <= 300; seed++) {
            Map<String, AttributeValue> image = new RandomImages(seed).image(3);
            String json = DynamodbEventJson.imageTree(image).toString();

            Map<String, AttributeValue> read = DynamodbEventJson.parseImage(json);

            assertThat(read).as("seed %d: %s", seed, json).isEqualTo(image);
            assertThat(DynamodbEventJson.imageTree(read).toString()).as("seed %d", seed).isEqualTo(json);
        }
    }

    @Test
    void plainValues_roundTrip_keepsEveryImage() {
        for (long seed = 1; seed <= 300; seed++) {
            Map<String, AttributeValue> image = new RandomImages(seed).image(3);

            Map<String, Object> values = Images.toValues(image);

            assertThat(Images.toImage(values)).as("seed %d: %s", seed, values).isEqualTo(image);
        }
    }
}
