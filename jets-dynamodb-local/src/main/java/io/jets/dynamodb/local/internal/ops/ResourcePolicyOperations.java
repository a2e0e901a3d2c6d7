package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.Partitions;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.stream.StreamDefinition;
import io.jets.dynamodb.local.internal.stream.StreamStore;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * PutResourcePolicy, GetResourcePolicy and DeleteResourcePolicy: one policy document per table and one per stream
 * of a table, each with a revision id that changes when the document does. Nothing is enforced: the server takes
 * any credentials. CreateTable's ResourcePolicy is attached as a first revision; a table's policies go with the
 * table when it is deleted.
 *
 * <pre>{@code
 * String revision = client.putResourcePolicy(r -> r.resourceArn(tableArn).policy(document)).revisionId();
 * client.deleteResourcePolicy(r -> r.resourceArn(tableArn).expectedRevisionId(revision));
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_PutResourcePolicy.html">
 *     PutResourcePolicy</a>
 */
public final class ResourcePolicyOperations {

    /** The ExpectedRevisionId that asks for no policy to be attached yet. */
    private static final String NO_POLICY = "NO_POLICY";

    private final Database database;
    private final TableCatalog catalog;
    private final StreamStore streams;
    private final Clock clock;
    /** Revision ids are creation times in milliseconds, as DynamoDB's are, kept increasing within a server. */
    private final AtomicLong lastRevision = new AtomicLong();

    public ResourcePolicyOperations(Database database, TableCatalog catalog, StreamStore streams, Clock clock) {
        this.database = database;
        this.catalog = catalog;
        this.streams = streams;
        this.clock = clock;
    }

    /** The table or stream a ResourceArn names: the table, and the stream label or "" for the table itself. */
    private record Slot(TableDefinition table, String resource, String arn) {
    }

    private record Policy(String document, String revision) {
    }

    public ObjectNode putResourcePolicy(ObjectNode request, RequestContext context) {
        new Constraints().required("resourceArn", request.get("ResourceArn"))
                .required("policy", request.get("Policy")).check();
        String document = Json.text(request, "Policy");
        String expected = Json.text(request, "ExpectedRevisionId");
        String revision = database.write(connection -> {
            Slot slot = slot(connection, Json.text(request, "ResourceArn"), context);
            Policy current = load(connection, slot);
            if (NO_POLICY.equals(expected) && current != null) {
                throw policyNotFound("Requested policy update expecting none to be present for table "
                        + slot.table().name() + ", but a policy exists with revision id " + current.revision() + ".");
            }
            if (expected != null && !NO_POLICY.equals(expected)) {
                checkRevision(slot, current, expected);
            }
            if (current != null && current.document().equals(document)) {
                return current.revision();
            }
            String next = nextRevision();
            store(connection, slot, document, next);
            return next;
        });
        ObjectNode response = Json.object();
        response.put("RevisionId", revision);
        return response;
    }

    public ObjectNode getResourcePolicy(ObjectNode request, RequestContext context) {
        new Constraints().required("resourceArn", request.get("ResourceArn")).check();
        Policy policy = database.read(connection -> {
            Slot slot = slot(connection, Json.text(request, "ResourceArn"), context);
            Policy current = load(connection, slot);
            if (current == null) {
                throw policyNotFound(slot.arn());
            }
            return current;
        });
        ObjectNode response = Json.object();
        response.put("Policy", policy.document());
        response.put("RevisionId", policy.revision());
        return response;
    }

    public ObjectNode deleteResourcePolicy(ObjectNode request, RequestContext context) {
        new Constraints().required("resourceArn", request.get("ResourceArn")).check();
        String expected = Json.text(request, "ExpectedRevisionId");
        String removed = database.write(connection -> {
            Slot slot = slot(connection, Json.text(request, "ResourceArn"), context);
            Policy current = load(connection, slot);
            if (current == null) {
                throw policyNotFound(slot.arn());
            }
            if (expected != null) {
                checkRevision(slot, current, expected);
            }
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM resource_policies WHERE table_id = ? AND resource = ?")) {
                delete.setLong(1, slot.table().id());
                delete.setString(2, slot.resource());
                delete.executeUpdate();
            }
            return current.revision();
        });
        ObjectNode response = Json.object();
        response.put("RevisionId", removed);
        return response;
    }

    /**
     * Attaches the ResourcePolicy a CreateTable request carried to the table it creates, in the transaction that
     * creates it: the table is never there without its policy.
     */
    public void attachAtCreation(Connection connection, TableDefinition table, String document) throws SQLException {
        store(connection, new Slot(table, "", null), document, nextRevision());
    }

    private static void store(Connection connection, Slot slot, String document, String revision)
            throws SQLException {
        try (PreparedStatement upsert = connection.prepareStatement("INSERT OR REPLACE INTO resource_policies"
                + " (table_id, resource, policy, revision) VALUES (?, ?, ?, ?)")) {
            upsert.setLong(1, slot.table().id());
            upsert.setString(2, slot.resource());
            upsert.setString(3, document);
            upsert.setString(4, revision);
            upsert.executeUpdate();
        }
    }

    private static void checkRevision(Slot slot, Policy current, String expected) {
        if (current == null) {
            throw policyNotFound(slot.arn());
        }
        if (!current.revision().equals(expected)) {
            throw policyNotFound("Requested update for policy with revision id " + expected
                    + ", but the policy associated to target table " + slot.table().name() + " has revision id "
                    + current.revision() + ".");
        }
    }

    private static ApiException policyNotFound(String detail) {
        return ApiException.dynamoDb("PolicyNotFoundException",
                "Resource-based policy not found for the provided ResourceArn: " + detail);
    }

    private String nextRevision() {
        long now = clock.millis();
        return Long.toString(lastRevision.updateAndGet(last -> Math.max(last + 1, now)));
    }

    private static Policy load(Connection connection, Slot slot) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT policy, revision FROM resource_policies WHERE table_id = ? AND resource = ?")) {
            select.setLong(1, slot.table().id());
            select.setString(2, slot.resource());
            try (ResultSet rows = select.executeQuery()) {
                return rows.next() ? new Policy(rows.getString(1), rows.getString(2)) : null;
            }
        }
    }

    /** Reads a ResourceArn as DynamoDB does, refusing what names no table or stream of this account and region. */
    private Slot slot(Connection connection, String arn, RequestContext context) throws SQLException {
        if (!arn.startsWith("arn:")) {
            throw invalid("ARNs must start with 'arn:': " + arn);
        }
        String[] fields = arn.split(":", 6);
        if (fields.length < 6 || !fields[2].equals("dynamodb") || !fields[5].startsWith("table/")) {
            throw invalid("Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        String[] path = fields[5].substring("table/".length()).split("/", -1);
        boolean stream = path.length == 3 && path[1].equals("stream");
        if (path.length == 3 && path[1].equals("index")) {
            throw invalid("Invalid resource arn provided, only table or stream is accepted. Provided resource arn: "
                    + arn);
        }
        if (path.length != 1 && !stream) {
            throw invalid("Provided Arn is not a DynamoDB resource arn: " + arn);
        }
        String prefix = String.join(":", fields[0], fields[1], fields[2], fields[3]) + ":";
        if (!prefix.equals(Partitions.arnPrefix("dynamodb", context.region()))) {
            throw invalid("Invalid resource Arn: " + arn);
        }
        if (!fields[4].equals(RequestContext.ACCOUNT)) {
            throw ApiException.validation(
                    "This action is only supported by accounts that match the resource owner\u2019s account.");
        }
        TableDefinition table = catalog.requireNamed(path[0]);
        if (!stream) {
            return new Slot(table, "", arn);
        }
        StreamDefinition found = streams.find(connection, arn);
        if (found == null || !found.tableName().equals(table.name())) {
            throw ApiException.resourceNotFound("Requested resource not found: Stream: " + path[2]
                    + " not found for Table: " + table.name());
        }
        return new Slot(table, path[2], arn);
    }

    private static ApiException invalid(String detail) {
        return ApiException.validation("One or more parameter values were invalid: " + detail);
    }
}
