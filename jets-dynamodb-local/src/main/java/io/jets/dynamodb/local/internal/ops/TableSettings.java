package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import java.util.Map;
import java.util.Set;

/**
 * The table settings CreateTable and UpdateTable read alike, with DynamoDB's errors: the stream specification,
 * the table class and the tags.
 */
final class TableSettings {

    static final Set<String> VIEW_TYPES = Set.of("NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES", "KEYS_ONLY");
    static final String VIEW_TYPE_ENUM = "[NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES, KEYS_ONLY]";
    private static final Set<String> TABLE_CLASSES = Set.of("STANDARD", "STANDARD_INFREQUENT_ACCESS");

    private TableSettings() {
    }

    static String enabledViewType(JsonNode specification) {
        if (specification == null || !specification.path("StreamEnabled").asBoolean(false)) {
            return null;
        }
        String viewType = Json.text(specification, "StreamViewType");
        if (viewType == null) {
            throw ApiException.validation("One or more parameter values were invalid: Table is being created with a"
                    + " stream enabled, UpdateViewType is required");
        }
        return viewType;
    }

    /** A StreamSpecification always says whether the stream is on; only the view type may be left out. */
    static void requireStreamEnabled(JsonNode specification) {
        if (specification != null && !specification.isNull()) {
            new Constraints().required("streamSpecification.streamEnabled", specification.get("StreamEnabled"))
                    .check();
        }
    }

    static String tableClass(ObjectNode request) {
        String tableClass = Json.text(request, "TableClass");
        if (tableClass != null && !TABLE_CLASSES.contains(tableClass)) {
            throw ApiException.validation("Invalid table-class parameter provided. Please try again with a valid"
                    + " table-class value: [STANDARD, STANDARD_INFREQUENT_ACCESS].");
        }
        return tableClass;
    }

    static Map<String, String> tags(JsonNode tags) {
        if (tags == null || tags.isNull()) {
            return Map.of();
        }
        Map<String, String> result = TagRules.parse(tags);
        TagRules.checkCount(result.keySet());
        return result;
    }
}
