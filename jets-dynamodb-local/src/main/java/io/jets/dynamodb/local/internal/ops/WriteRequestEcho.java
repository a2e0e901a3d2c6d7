package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.dynamodb.local.internal.Json;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A BatchWriteItem write request as DynamoDB's service model prints it when a constraint on a table's list of
 * requests (more than 25, or none) echoes the whole batch:
 * {@code WriteRequest(putRequest=PutRequest(item={pk=AttributeValue(s=bw-0, n=null, b=null, ...)},
 * workloadProfileName=null), deleteRequest=null)}. Every member of an AttributeValue is printed, the absent ones
 * as {@code null}, in the model's order; maps, lists and sets print as Java collections do.
 *
 * <pre>{@code
 * String echo = WriteRequestEcho.of(request.get(0));
 * }</pre>
 */
final class WriteRequestEcho {

    /** The members of DynamoDB's AttributeValue model, in the order its toString prints them. */
    private static final List<String> MEMBERS = List.of("s", "n", "b", "iNT", "dECIMAL", "dOUBLE", "sS", "nS", "bS",
            "iNTSET", "dECIMALSET", "dOUBLESET", "m", "l", "nULL", "bOOL");

    private WriteRequestEcho() {
    }

    static String of(JsonNode writeRequest) {
        if (!writeRequest.isObject()) {
            return Json.write(writeRequest);
        }
        JsonNode put = writeRequest.get("PutRequest");
        JsonNode delete = writeRequest.get("DeleteRequest");
        return "WriteRequest(putRequest="
                + (put == null ? "null" : "PutRequest(item=" + attributes(put.get("Item"))
                        + ", workloadProfileName=null)")
                + ", deleteRequest="
                + (delete == null ? "null" : "DeleteRequest(key=" + attributes(delete.get("Key"))
                        + ", workloadProfileName=null)")
                + ")";
    }

    private static String attributes(JsonNode attributes) {
        if (attributes == null || !attributes.isObject()) {
            return "null";
        }
        List<String> members = new ArrayList<>();
        attributes.fields().forEachRemaining(e -> members.add(e.getKey() + "=" + value(e.getValue())));
        return "{" + String.join(", ", members) + "}";
    }

    private static String value(JsonNode value) {
        List<String> members = new ArrayList<>();
        for (String member : MEMBERS) {
            members.add(member + "=" + content(member, value));
        }
        return "AttributeValue(" + String.join(", ", members) + ")";
    }

    private static String content(String member, JsonNode value) {
        JsonNode content = switch (member) {
            case "s", "n", "b", "sS", "nS", "bS", "m", "l", "nULL", "bOOL" -> value.get(member.toUpperCase());
            default -> null;
        };
        if (content == null || content.isNull()) {
            return "null";
        }
        return switch (member) {
            case "b" -> buffer(content);
            case "sS", "nS" -> list(content, false);
            case "bS" -> list(content, true);
            case "m" -> attributes(content);
            case "l" -> {
                List<String> elements = new ArrayList<>();
                content.forEach(element -> elements.add(value(element)));
                yield "[" + String.join(", ", elements) + "]";
            }
            default -> content.isValueNode() ? content.asText() : Json.write(content);
        };
    }

    private static String list(JsonNode members, boolean binary) {
        List<String> printed = new ArrayList<>();
        members.forEach(member -> printed.add(binary ? buffer(member) : member.asText()));
        return "[" + String.join(", ", printed) + "]";
    }

    /** A binary value is held in a ByteBuffer, which prints its position and limit rather than its bytes. */
    private static String buffer(JsonNode base64) {
        int length;
        try {
            length = Base64.getDecoder().decode(base64.asText()).length;
        } catch (IllegalArgumentException e) {
            length = 0;
        }
        return "java.nio.HeapByteBuffer[pos=0 lim=" + length + " cap=" + length + "]";
    }
}
