package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.ApiException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The rules DynamoDB applies to table tags, at CreateTable and TagResource: keys of 1 to 128 and values of up to
 * 256 letters, digits, spaces and {@code _.:/=+-@}, no {@code aws:} prefix, no key twice, at most 50 per table.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Tagging.html">Tagging
 *     restrictions</a>
 */
final class TagRules {

    static final int MAX_TAGS = 50;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {
    }

    /** The tags of a request's {@code Tags} member, in order, once they pass every rule but the table limit. */
    static Map<String, String> parse(JsonNode tags) {
        Constraints constraints = new Constraints();
        for (int i = 0; i < tags.size(); i++) {
            String member = "tags." + (i + 1) + ".member.";
            constraints.text(member + "key", tags.get(i).get("Key"), 1, 128)
                    .text(member + "value", tags.get(i).get("Value"), 0, 256);
        }
        constraints.check();
        Map<String, String> parsed = new LinkedHashMap<>();
        for (JsonNode tag : tags) {
            String key = tag.get("Key").asText();
            String value = tag.get("Value").asText();
            if (!ALLOWED.matcher(key).matches()) {
                throw ApiException.validation("The Tag Key provided is invalid, Key: " + key);
            }
            if (!ALLOWED.matcher(value).matches()) {
                throw ApiException.validation("The Tag Value provided is invalid, Value: " + value);
            }
            if (key.startsWith("aws:")) {
                throw ApiException.validation("Tag Key cannot be prefixed with aws:, Key: " + key);
            }
            if (parsed.put(key, value) != null) {
                throw ApiException.validation("Duplicate Tag Keys provided as input: Duplicate Tag Key found " + key);
            }
        }
        return parsed;
    }

    static void checkCount(Collection<String> keys) {
        if (keys.size() > MAX_TAGS) {
            throw ApiException.validation("Number of Tags exceed the current limit for the provided ResourceArn");
        }
    }
}
