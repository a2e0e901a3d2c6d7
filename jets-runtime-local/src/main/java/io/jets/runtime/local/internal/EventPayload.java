package io.jets.runtime.local.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns GetRecords records into the event Lambda hands a function: the fields of each record in the order Lambda
 * writes them, {@code ApproximateCreationDateTime} in whole epoch seconds written as a floating-point number
 * ({@code 1.550272599E9}), and {@code eventSourceARN} set to the stream ARN (never the table ARN). See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/with-ddb.html">Using AWS Lambda with Amazon DynamoDB</a>.
 */
public final class EventPayload {

    private static final List<String> RECORD_ORDER =
            List.of("eventID", "eventName", "eventVersion", "eventSource", "awsRegion", "dynamodb", "userIdentity");
    private static final List<String> DYNAMODB_ORDER = List.of("ApproximateCreationDateTime", "Keys", "NewImage",
            "OldImage", "SequenceNumber", "SizeBytes", "StreamViewType");

    private static final byte[] RECORDS_OPEN = "{\"Records\":[".getBytes(StandardCharsets.UTF_8);
    private static final byte[] RECORDS_CLOSE = "]}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DYNAMODB_OPEN = "\"dynamodb\":{\"ApproximateCreationDateTime\":"
            .getBytes(StandardCharsets.UTF_8);
    private static final byte[] IDENTITY_TYPE = ",\"userIdentity\":{\"type\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] IDENTITY_PRINCIPAL = ",\"principalId\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] SOURCE_ARN = ",\"eventSourceARN\":".getBytes(StandardCharsets.UTF_8);
    private static final byte[] NULL = "null".getBytes(StandardCharsets.UTF_8);

    /** Lambda caps a batch's payload at 6 MB. */
    public static final int MAX_PAYLOAD_BYTES = 6 * 1024 * 1024;

    private final ObjectMapper json;

    public EventPayload(ObjectMapper json) {
        this.json = json;
    }

    /** One GetRecords record, reshaped as Lambda delivers it. */
    public StreamRecord record(ObjectNode raw, String streamArn) {
        ObjectNode event = json.createObjectNode();
        copyInOrder(raw, event, RECORD_ORDER, Set.of("dynamodb"));
        JsonNode dynamodb = raw.path("dynamodb");
        ObjectNode streamData = json.createObjectNode();
        long created = dynamodb.path("ApproximateCreationDateTime").asLong(0);
        // Whole seconds, written as a floating-point number (1.550272599E9) as Lambda does: Python handlers get a
        // float, and the same JSON number type reaches every runtime.
        streamData.put("ApproximateCreationDateTime", (double) created);
        if (dynamodb.isObject()) {
            copyInOrder((ObjectNode) dynamodb, streamData, DYNAMODB_ORDER, Set.of("ApproximateCreationDateTime"));
        }
        event.set("dynamodb", streamData);
        // userIdentity (TTL deletions) follows dynamodb, as on Lambda. GetRecords names its fields Type and
        // PrincipalId; Lambda's event names them type and principalId, in that order.
        JsonNode identity = raw.get("userIdentity");
        if (identity != null && identity.isObject()) {
            ObjectNode shaped = event.putObject("userIdentity");
            shaped.set("type", identity.has("Type") ? identity.get("Type") : identity.get("type"));
            shaped.set("principalId",
                    identity.has("PrincipalId") ? identity.get("PrincipalId") : identity.get("principalId"));
        }
        event.put("eventSourceARN", streamArn);
        String key = streamData.path("Keys").toString();
        return new StreamRecord(event, streamData.path("SequenceNumber").asText(),
                Instant.ofEpochSecond(created), key, bytes(event));
    }

    /** A GetRecords answer with its records reshaped. */
    public record ShapedPage(List<StreamRecord> records, String nextShardIterator) {
    }

    /** Each record of a GetRecords page reshaped through its tree ({@link #record}). */
    public ShapedPage shape(StreamsApi.RecordsPage page, String streamArn) {
        List<StreamRecord> records = new ArrayList<>(page.records().size());
        for (ObjectNode record : page.records()) {
            records.add(record(record, streamArn));
        }
        return new ShapedPage(records, page.nextShardIterator());
    }

    /**
     * A whole GetRecords answer, given as the compact JSON a server wrote, reshaped record by record without
     * building trees: each record's members are copied from the answer's bytes into Lambda's order, so the result
     * is the bytes {@link #record} writes for the same record. Null when the answer is not shaped as expected (the
     * caller then goes the tree way).
     */
    public ShapedPage shape(byte[] answer, String streamArn) {
        try {
            CompactJson json = new CompactJson(answer);
            List<StreamRecord> records = new ArrayList<>();
            String next = null;
            byte[] arn = JsonStringEncoder.getInstance().quoteAsUTF8(streamArn);
            json.expect('{');
            while (!json.at('}')) {
                String name = json.name();
                if (name.equals("Records")) {
                    json.expect('[');
                    while (!json.at(']')) {
                        StreamRecord record = shapeRecord(json, answer, arn);
                        if (record == null) {
                            return null;
                        }
                        records.add(record);
                        json.comma();
                    }
                    json.expect(']');
                } else if (name.equals("NextShardIterator") && !json.at('n')) {
                    next = json.text();
                } else {
                    json.skip();
                }
                json.comma();
            }
            json.expect('}');
            return json.atEnd() ? new ShapedPage(records, next) : null;
        } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /**
     * Reads JSON as our server writes it: compact, names and the texts read without escapes. Anything else throws
     * IllegalArgumentException, and the answer goes the tree way.
     */
    private static final class CompactJson {
        private final byte[] bytes;
        private int at;

        CompactJson(byte[] bytes) {
            this.bytes = bytes;
        }

        int position() {
            return at;
        }

        boolean at(char c) {
            return at < bytes.length && bytes[at] == c;
        }

        boolean atEnd() {
            return at == bytes.length;
        }

        void expect(char c) {
            if (!at(c)) {
                throw new IllegalArgumentException("expected " + c + " at " + at);
            }
            at++;
        }

        void comma() {
            if (at(',')) {
                at++;
            }
        }

        /** A member's name and its colon. */
        String name() {
            String name = text();
            expect(':');
            return name;
        }

        /** A string value without escapes, decoded. */
        String text() {
            int start = at + 1;
            int end = stringEnd();
            for (int i = start; i < end - 1; i++) {
                if (bytes[i] == '\\') {
                    throw new IllegalArgumentException("escaped text");
                }
            }
            return new String(bytes, start, end - 1 - start, StandardCharsets.UTF_8);
        }

        /** Skips the string starting here; returns where it ends (after the closing quote). */
        private int stringEnd() {
            expect('"');
            while (bytes[at] != '"') {
                at += bytes[at] == '\\' ? 2 : 1;
            }
            return ++at;
        }

        /** Skips the value starting here; returns where it ends. */
        int skip() {
            byte first = bytes[at];
            if (first == '"') {
                return stringEnd();
            }
            if (first == '{' || first == '[') {
                int depth = 0;
                do {
                    byte b = bytes[at];
                    if (b == '"') {
                        stringEnd();
                        continue;
                    }
                    if (b == '{' || b == '[') {
                        depth++;
                    } else if (b == '}' || b == ']') {
                        depth--;
                    }
                    at++;
                } while (depth > 0);
                return at;
            }
            int start = at;
            while (at < bytes.length && bytes[at] != ',' && bytes[at] != '}' && bytes[at] != ']') {
                byte b = bytes[at];
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == '"' || b == '{' || b == '[') {
                    throw new IllegalArgumentException("not compact at " + at);
                }
                at++;
            }
            if (at == start) {
                throw new IllegalArgumentException("missing value at " + at);
            }
            return at;
        }
    }

    /** One record, the scanner on its opening brace; null for anything {@link #record} would reshape otherwise. */
    private static StreamRecord shapeRecord(CompactJson json, byte[] answer, byte[] arn) {
        Map<String, int[]> known = new HashMap<>();
        List<int[]> unknown = new ArrayList<>();
        Map<String, int[]> data = null;
        List<int[]> unknownData = new ArrayList<>();
        int[] identityType = null;
        int[] identityPrincipal = null;
        boolean identity = false;
        long created = 0;
        String sequenceNumber = "";
        json.expect('{');
        while (!json.at('}')) {
            int fieldStart = json.position();
            String name = json.name();
            if (name.equals("dynamodb")) {
                if (!json.at('{') || data != null) {
                    return null;
                }
                data = new HashMap<>();
                json.expect('{');
                while (!json.at('}')) {
                    int memberStart = json.position();
                    String member = json.name();
                    if (member.equals("SequenceNumber")) {
                        if (!json.at('"')) {
                            return null;
                        }
                        int valueStart = json.position();
                        sequenceNumber = json.text();
                        data.put(member, new int[] {valueStart, json.position()});
                    } else {
                        int valueStart = json.position();
                        int valueEnd = json.skip();
                        if (member.equals("ApproximateCreationDateTime")) {
                            created = wholeSeconds(answer, valueStart, valueEnd);
                        } else if (DYNAMODB_ORDER.contains(member)) {
                            if (data.put(member, new int[] {valueStart, valueEnd}) != null) {
                                return null;
                            }
                        } else {
                            unknownData.add(new int[] {memberStart, valueEnd});
                        }
                    }
                    json.comma();
                }
                json.expect('}');
            } else if (name.equals("userIdentity")) {
                if (!json.at('{') || identity) {
                    return null;
                }
                identity = true;
                int[] lowerType = null;
                int[] lowerPrincipal = null;
                json.expect('{');
                while (!json.at('}')) {
                    String member = json.name();
                    int valueStart = json.position();
                    int[] slice = {valueStart, json.skip()};
                    switch (member) {
                        case "Type" -> identityType = slice;
                        case "type" -> lowerType = slice;
                        case "PrincipalId" -> identityPrincipal = slice;
                        case "principalId" -> lowerPrincipal = slice;
                        default -> { }
                    }
                    json.comma();
                }
                json.expect('}');
                identityType = identityType != null ? identityType : lowerType;
                identityPrincipal = identityPrincipal != null ? identityPrincipal : lowerPrincipal;
            } else if (name.equals("eventSourceARN")) {
                return null; // the tree way keeps its position and replaces its value
            } else {
                int valueStart = json.position();
                int[] slice = {valueStart, json.skip()};
                if (RECORD_ORDER.contains(name)) {
                    if (known.put(name, slice) != null) {
                        return null;
                    }
                } else {
                    unknown.add(new int[] {fieldStart, slice[1]});
                }
            }
            json.comma();
        }
        json.expect('}');
        if (data == null) {
            return null;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        out.write('{');
        boolean first = true;
        for (String name : RECORD_ORDER) {
            int[] slice = known.get(name);
            if (slice != null) {
                first = member(out, first, name, answer, slice);
            }
        }
        for (int[] field : unknown) {
            first = raw(out, first, answer, field);
        }
        if (!first) {
            out.write(',');
        }
        out.writeBytes(DYNAMODB_OPEN);
        out.writeBytes(Double.toString((double) created).getBytes(StandardCharsets.US_ASCII));
        for (String name : DYNAMODB_ORDER) {
            int[] slice = data.get(name);
            if (slice != null) {
                member(out, false, name, answer, slice);
            }
        }
        for (int[] field : unknownData) {
            raw(out, false, answer, field);
        }
        out.write('}');
        if (identity) {
            out.writeBytes(IDENTITY_TYPE);
            copy(out, answer, identityType);
            out.writeBytes(IDENTITY_PRINCIPAL);
            copy(out, answer, identityPrincipal);
            out.write('}');
        }
        out.writeBytes(SOURCE_ARN);
        out.write('"');
        out.writeBytes(arn);
        out.write('"');
        out.write('}');
        int[] keys = data.get("Keys");
        String itemKey = keys == null ? "" : new String(answer, keys[0], keys[1] - keys[0], StandardCharsets.UTF_8);
        return new StreamRecord(sequenceNumber, Instant.ofEpochSecond(created), itemKey, out.toByteArray());
    }

    /** A JSON number as {@code asLong} reads it: whole seconds, any fraction dropped. */
    private static long wholeSeconds(byte[] answer, int start, int end) {
        String number = new String(answer, start, end - start, StandardCharsets.US_ASCII);
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '-' && i == 0)) {
                return (long) Double.parseDouble(number); // fraction or exponent; not a number throws
            }
        }
        return Long.parseLong(number);
    }

    private static boolean member(ByteArrayOutputStream out, boolean first, String name, byte[] answer, int[] slice) {
        if (!first) {
            out.write(',');
        }
        out.write('"');
        out.writeBytes(name.getBytes(StandardCharsets.UTF_8));
        out.write('"');
        out.write(':');
        out.write(answer, slice[0], slice[1] - slice[0]);
        return false;
    }

    private static boolean raw(ByteArrayOutputStream out, boolean first, byte[] answer, int[] field) {
        if (!first) {
            out.write(',');
        }
        out.write(answer, field[0], field[1] - field[0]);
        return false;
    }

    private static void copy(ByteArrayOutputStream out, byte[] answer, int[] slice) {
        if (slice == null) {
            out.writeBytes(NULL);
        } else {
            out.write(answer, slice[0], slice[1] - slice[0]);
        }
    }

    /** {@code {"Records":[…]}}, assembled from the records' serialised form. */
    public byte[] event(List<StreamRecord> records) {
        int size = RECORDS_OPEN.length + RECORDS_CLOSE.length;
        for (StreamRecord record : records) {
            size += record.payloadBytes();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(size);
        out.writeBytes(RECORDS_OPEN);
        for (int i = 0; i < records.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.writeBytes(records.get(i).json());
        }
        out.writeBytes(RECORDS_CLOSE);
        return out.toByteArray();
    }

    /** The event as a tree, for additions such as a tumbling window's state. */
    public ObjectNode eventNode(List<StreamRecord> records) {
        ObjectNode event = json.createObjectNode();
        ArrayNode array = event.putArray("Records");
        records.forEach(r -> array.add(r.event()));
        return event;
    }

    public byte[] bytes(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyInOrder(ObjectNode from, ObjectNode to, List<String> order, Set<String> skip) {
        for (String name : order) {
            if (from.has(name) && !skip.contains(name) && !name.equals("dynamodb") && !name.equals("userIdentity")) {
                to.set(name, from.get(name));
            }
        }
        // Fields a newer service version adds travel along after the known ones.
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!order.contains(field.getKey()) && !skip.contains(field.getKey())) {
                to.set(field.getKey(), field.getValue());
            }
        }
    }
}
