package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DynamoDB accepts a table's ARN wherever a request names a table: a top-level {@code TableName}, the keys of
 * BatchGetItem's and BatchWriteItem's {@code RequestItems}, and the {@code TableName} of each transaction action.
 * The operations here work with names, so a table ARN is read as the name it ends with; where an answer names the
 * table (ConsumedCapacity, and the maps of a batch), it names it the way the request did.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_ConsumedCapacity.html">
 *     ConsumedCapacity (TableName: the table ARN if the input gave one)</a>
 */
public final class TableArns {

    private static final Pattern TABLE_ARN = Pattern.compile("arn:aws[a-z-]*:dynamodb:[^:]*:[^:]*:table/([^/]+)");

    private TableArns() {
    }

    /** The table a request names: the name a table ARN ends with, or the text itself when it is no table ARN. */
    public static String nameOf(String nameOrArn) {
        if (nameOrArn != null && nameOrArn.startsWith("arn:")) {
            Matcher arn = TABLE_ARN.matcher(nameOrArn);
            if (arn.matches()) {
                return arn.group(1);
            }
        }
        return nameOrArn;
    }

    /**
     * Replaces a top-level {@code TableName} given as a table ARN by the table's name.
     *
     * @return the ARN the request gave, to be echoed by {@link #echo}, or null when it gave a name
     */
    public static String useNames(ObjectNode request) {
        JsonNode tableName = request.get("TableName");
        if (tableName != null && tableName.isTextual()) {
            String name = nameOf(tableName.asText());
            if (!name.equals(tableName.asText())) {
                request.put("TableName", name);
                return tableName.asText();
            }
        }
        return null;
    }

    /** Names the table of a single-table answer's ConsumedCapacity by the ARN its request gave. */
    public static ObjectNode echo(ObjectNode response, String arn) {
        if (arn != null && response != null && response.get("ConsumedCapacity") instanceof ObjectNode capacity
                && capacity.path("TableName").asText().equals(nameOf(arn))) {
            capacity.put("TableName", arn);
        }
        return response;
    }
}
