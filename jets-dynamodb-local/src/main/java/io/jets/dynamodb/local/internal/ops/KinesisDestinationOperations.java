package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.ops.KinesisDestination.Action;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * EnableKinesisStreamingDestination, DisableKinesisStreamingDestination, UpdateKinesisStreamingDestination and
 * DescribeKinesisStreamingDestination: the Kinesis data streams a table's item changes would be replicated to, with
 * DynamoDB's statuses, rules and messages. Nothing is sent anywhere (there is no Kinesis locally): the settings are
 * kept and reported, not enforced. As on DynamoDB, a table streams to one destination at a time, a stream that
 * cannot exist is refused only later (the destination ends ENABLE_FAILED), disabled destinations stay listed, and
 * the destinations go with the table when it is deleted and are not brought back by a restore.
 *
 * <pre>{@code
 * client.enableKinesisStreamingDestination(r -> r.tableName("orders").streamArn(streamArn));   // ENABLING
 * client.describeKinesisStreamingDestination(r -> r.tableName("orders"))
 *         .kinesisDataStreamDestinations().get(0).destinationStatus();                       // ACTIVE a second later
 * }</pre>
 *
 * @see <a href=
 *     "https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_EnableKinesisStreamingDestination.html">
 *     EnableKinesisStreamingDestination</a>
 */
public final class KinesisDestinationOperations {

    private static final Set<String> PRECISIONS = Set.of("MILLISECOND", "MICROSECOND");
    private static final String PRECISION_SET = "[MILLISECOND, MICROSECOND]";
    private static final String PRECISION = "ApproximateCreationDateTimePrecision";
    private static final String NOT_VALID = "Table is not in a valid state to enable Kinesis Streaming Destination: ";

    private final Database database;
    private final TableCatalog catalog;
    private final Clock clock;

    public KinesisDestinationOperations(Database database, TableCatalog catalog, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.clock = clock;
    }

    public ObjectNode enableKinesisStreamingDestination(ObjectNode request) {
        ObjectNode configuration = Json.objectOrNull(request, "EnableKinesisStreamingConfiguration");
        check(request, "enableKinesisStreamingConfiguration", configuration, MemberOrder.KINESIS_DESTINATION);
        String arn = Json.text(request, "StreamArn");
        String failure = failureOf(arn);
        String precision = configuration == null ? null : Json.text(configuration, PRECISION);
        return database.write(connection -> {
            TableDefinition table = table(request);
            long now = clock.millis();
            if (list(connection, table).stream().anyMatch(destination -> destination.live(now))) {
                throw notValid("EnableKinesisStreamingDestination must be DISABLED or ENABLE_FAILED to perform ENABLE"
                        + " operation.");
            }
            store(connection, table, new KinesisDestination(arn, Action.ENABLE, now, now, precision, failure));
            ObjectNode response = answer(table, arn, "ENABLING");
            // the configuration is echoed, empty when the request had none
            ObjectNode echoed = response.putObject("EnableKinesisStreamingConfiguration");
            if (precision != null) {
                echoed.put(PRECISION, precision);
            }
            return response;
        });
    }

    public ObjectNode disableKinesisStreamingDestination(ObjectNode request) {
        ObjectNode configuration = Json.objectOrNull(request, "EnableKinesisStreamingConfiguration");
        check(request, "enableKinesisStreamingConfiguration", configuration, MemberOrder.KINESIS_DESTINATION);
        if (configuration != null && configuration.hasNonNull(PRECISION)) {
            throw ApiException.validation("Stream cannot be disabled using EnableKinesisStreamingConfiguration"
                    + " parameters");
        }
        String arn = Json.text(request, "StreamArn");
        return database.write(connection -> {
            TableDefinition table = table(request);
            long now = clock.millis();
            KinesisDestination current = find(connection, table, arn);
            String status = current == null ? null : current.status(now);
            // disabling again while DISABLING answers as the first Disable did
            if (!"ACTIVE".equals(status) && !"DISABLING".equals(status)) {
                throw notValid("KinesisStreamingDestination must be ACTIVE to perform DISABLE operation.");
            }
            if (status.equals("ACTIVE")) {
                // a disabled destination keeps no precision: enabled again without one, it reports none
                store(connection, table, new KinesisDestination(arn, Action.DISABLE, now, current.enabled(), null,
                        null));
            }
            return answer(table, arn, "DISABLING");
        });
    }

    public ObjectNode updateKinesisStreamingDestination(ObjectNode request) {
        ObjectNode configuration = Json.objectOrNull(request, "UpdateKinesisStreamingConfiguration");
        check(request, "updateKinesisStreamingConfiguration", configuration, MemberOrder.UPDATE_KINESIS_DESTINATION);
        String precision = configuration == null ? null : Json.text(configuration, PRECISION);
        if (precision == null) {
            throw ApiException.validation("Streaming destination cannot be updated with given parameters:"
                    + " UpdateKinesisStreamingConfiguration cannot be null or contain only null values");
        }
        String arn = Json.text(request, "StreamArn");
        return database.write(connection -> {
            TableDefinition table = table(request);
            long now = clock.millis();
            KinesisDestination current = find(connection, table, arn);
            if (current == null) {
                throw notValid("No streaming destination with streamArn: " + arn + " found for table with tableName: "
                        + table.name());
            }
            if (!current.status(now).equals("ACTIVE")) {
                throw notValid("Kinesis streaming is not in ACTIVE state. Updates are only allowed in ACTIVE state."
                        + " TableName: " + table.name());
            }
            if (current.effectivePrecision().equals(precision)) {
                throw ApiException.validation("Invalid Request: Precision is already set to the desired value of "
                        + precision + " for tableId: " + table.tableId() + ", kdsArn: " + arn);
            }
            store(connection, table, new KinesisDestination(arn, Action.UPDATE, now, current.enabled(), precision,
                    null));
            ObjectNode response = answer(table, arn, "UPDATING");
            response.putObject("UpdateKinesisStreamingConfiguration").put(PRECISION, precision);
            return response;
        });
    }

    public ObjectNode describeKinesisStreamingDestination(ObjectNode request) {
        new Constraints().itemTableName("tableName", request.get("TableName")).check();
        return database.read(connection -> {
            TableDefinition table = table(request);
            long now = clock.millis();
            ObjectNode response = Json.object();
            ArrayNode destinations = response.putArray("KinesisDataStreamDestinations");
            list(connection, table).forEach(destination -> destinations.add(destination.describe(now)));
            response.put("TableName", table.name());
            return response;
        });
    }

    /** The members' constraints, reported together in DynamoDB's order of the operation's members. */
    private static void check(ObjectNode request, String configurationMember, ObjectNode configuration,
                              MemberOrder order) {
        JsonNode precision = configuration == null ? null : configuration.get(PRECISION);
        new Constraints(order).itemTableName("tableName", request.get("TableName"))
                .text("streamArn", request.get("StreamArn"), 37, 1024)
                .oneOf(configurationMember + ".approximateCreationDateTimePrecision", precision, PRECISIONS,
                        PRECISION_SET)
                .check();
    }

    /**
     * Refuses a StreamArn that is no ARN at all. DynamoDB checks the stream itself only after answering ENABLING:
     * an ARN of anything but a Kinesis data stream ends ENABLE_FAILED with the description returned here (null
     * when the ARN does name a data stream, which, with no Kinesis to ask, is taken to exist).
     */
    private static String failureOf(String arn) {
        String[] fields = arn.split(":", 6);
        if (fields.length < 6 || !fields[0].equals("arn") || fields[1].isEmpty() || fields[2].isEmpty()
                || fields[5].isEmpty()) {
            throw ApiException.validation("One or more parameter values were invalid: StreamArn is not a valid ARN: "
                    + arn);
        }
        String resource = fields[5];
        if (fields[2].equals("kinesis") && resource.startsWith("stream/") && resource.length() > "stream/".length()
                && resource.indexOf('/', "stream/".length()) < 0) {
            return null;
        }
        return fields[2].equals("firehose")
                ? "The kinesis Arn used to enable kinesis replication belongs to a stream which is not in Active state"
                : "User does not have a permission to use kinesis stream";
    }

    private TableDefinition table(ObjectNode request) {
        return catalog.requireNamed(Json.text(request, "TableName"));
    }

    private static ApiException notValid(String reason) {
        return ApiException.validation(NOT_VALID + reason);
    }

    private static ObjectNode answer(TableDefinition table, String arn, String status) {
        return Json.object().put("TableName", table.name()).put("StreamArn", arn).put("DestinationStatus", status);
    }

    private static KinesisDestination find(Connection connection, TableDefinition table, String arn)
            throws SQLException {
        return list(connection, table).stream().filter(destination -> destination.streamArn().equals(arn))
                .findFirst().orElse(null);
    }

    /** The table's destinations, the one enabled last first, as DynamoDB lists them. */
    private static List<KinesisDestination> list(Connection connection, TableDefinition table) throws SQLException {
        List<KinesisDestination> destinations = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT stream_arn, action, changed, enabled,"
                + " precision, failure FROM kinesis_destinations WHERE table_id = ?"
                + " ORDER BY enabled DESC, rowid DESC")) {
            select.setLong(1, table.id());
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    destinations.add(new KinesisDestination(rows.getString(1), Action.valueOf(rows.getString(2)),
                            rows.getLong(3), rows.getLong(4), rows.getString(5), rows.getString(6)));
                }
            }
        }
        return destinations;
    }

    private static void store(Connection connection, TableDefinition table, KinesisDestination destination)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO kinesis_destinations"
                + " (table_id, stream_arn, action, changed, enabled, precision, failure)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            upsert.setLong(1, table.id());
            upsert.setString(2, destination.streamArn());
            upsert.setString(3, destination.action().name());
            upsert.setLong(4, destination.changed());
            upsert.setLong(5, destination.enabled());
            upsert.setString(6, destination.precision());
            upsert.setString(7, destination.failure());
            upsert.executeUpdate();
        }
    }
}
