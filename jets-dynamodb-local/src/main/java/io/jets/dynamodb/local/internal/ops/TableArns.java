package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB accepts a table's ARN wherever a request names a table ({@code TableName}); the operations here work
 * with names, so a table ARN is read as the name it ends with before the request is handled.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_GetItem.html">GetItem
 *     (TableName: the name of the table, or its ARN)</a>
 */
public final class TableArns {

    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]*:[^:]*:table/([^/]+)");

    private TableArns() {
    }

    /** Replaces a top-level {@code TableName} given as a table ARN by the table's name. */
    public static void useNames(ObjectNode request) {
        JsonNode tableName = request.get("TableName");
        if (tableName != null && tableName.isTextual() && tableName.asText().startsWith("arn:")) {
            Matcher arn = TABLE_ARN.matcher(tableName.asText());
            if (arn.matches()) {
                request.put("TableName", arn.group(1));
            }
        }
    }
}
