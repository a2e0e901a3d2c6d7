package io.jets.dynamodb.local.internal.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Time to live settings, tags, DescribeLimits and DescribeEndpoints.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_UpdateTimeToLive.html">
 *     UpdateTimeToLive</a>
 */
public final class ControlOperations {

    private final Database database;
    private final TableCatalog catalog;

    public ControlOperations(Database database, TableCatalog catalog) {
        this.database = database;
        this.catalog = catalog;
    }

    public ObjectNode updateTimeToLive(ObjectNode request) {
        JsonNode specification = request.get("TimeToLiveSpecification");
        new Constraints().tableName("tableName", request.get("TableName"))
                .required("timeToLiveSpecification", specification).check();
        new Constraints().text("timeToLiveSpecification.attributeName", specification.get("AttributeName"), 1, 255)
                .required("timeToLiveSpecification.enabled", specification.get("Enabled")).check();
        boolean enable = specification.path("Enabled").asBoolean(false);
        String attribute = Json.text(specification, "AttributeName");
        database.write(connection -> {
            TableDefinition table = catalog.requireNamed(Json.text(request, "TableName"));
            String current = table.ttlAttribute();
            if (current != null && !current.equals(attribute)) {
                throw ApiException.validation("TimeToLive is active on a different AttributeName: current"
                        + " AttributeName is " + current);
            }
            if (enable && current != null) {
                throw ApiException.validation("TimeToLive is already enabled");
            }
            if (!enable && current == null) {
                throw ApiException.validation("TimeToLive is already disabled");
            }
            catalog.update(connection, table.withTtlAttribute(enable ? attribute : null));
            return null;
        });
        ObjectNode response = Json.object();
        ObjectNode answered = response.putObject("TimeToLiveSpecification");
        if (enable) {
            answered.put("AttributeName", attribute);
        }
        answered.put("Enabled", enable);
        return response;
    }

    public ObjectNode describeTimeToLive(ObjectNode request) {
        new Constraints().tableName("tableName", request.get("TableName")).check();
        TableDefinition table = catalog.requireNamed(Json.text(request, "TableName"));
        ObjectNode response = Json.object();
        ObjectNode description = response.putObject("TimeToLiveDescription");
        if (table.ttlAttribute() == null) {
            description.put("TimeToLiveStatus", "DISABLED");
        } else {
            description.put("TimeToLiveStatus", "ENABLED");
            description.put("AttributeName", table.ttlAttribute());
        }
        return response;
    }


    public void tagResource(ObjectNode request) {
        new Constraints().required("tags", request.get("Tags")).check();
        Map<String, String> added = TagRules.parse(request.get("Tags"));
        TableDefinition table = byArn(Json.text(request, "ResourceArn"));
        if (added.isEmpty()) {
            throw ApiException.validation("Atleast one Tag needs to be provided as Input.");
        }
        Map<String, String> tags = new LinkedHashMap<>(table.tags());
        tags.putAll(added);
        TagRules.checkCount(tags.keySet());
        database.write(connection -> {
            catalog.update(connection, catalog.require(table.name()).withTags(tags));
            return null;
        });
    }

    public void untagResource(ObjectNode request) {
        new Constraints().required("tagKeys", request.get("TagKeys")).check();
        TableDefinition table = byArn(Json.text(request, "ResourceArn"));
        if (request.get("TagKeys").isEmpty()) {
            throw ApiException.validation("Atleast one Tag Key needs to be provided as Input.");
        }
        Map<String, String> tags = new LinkedHashMap<>(table.tags());
        request.path("TagKeys").forEach(key -> tags.remove(key.asText()));
        database.write(connection -> {
            catalog.update(connection, catalog.require(table.name()).withTags(tags));
            return null;
        });
    }

    public ObjectNode listTagsOfResource(ObjectNode request) {
        TableDefinition table = byArn(Json.text(request, "ResourceArn"));
        ObjectNode response = Json.object();
        ArrayNode tags = response.putArray("Tags");
        table.tags().forEach((key, value) -> tags.addObject().put("Key", key).put("Value", value));
        return response;
    }

    private TableDefinition byArn(String arn) {
        if (arn == null) {
            throw ApiException.validation("1 validation error detected: Value null at 'resourceArn' failed to"
                    + " satisfy constraint: Member must not be null");
        }
        if (!arn.startsWith("arn:")) {
            throw ApiException.validation("One or more parameter values were invalid: ARNs must start with 'arn:': "
                    + arn);
        }
        int slash = arn.indexOf(":table/");
        if (slash > 0 && arn.indexOf("/index/", slash) > 0) {
            throw ApiException.validation("One or more parameter values were invalid: Invalid resource arn provided,"
                    + " only table or stream is accepted. Provided resource arn: " + arn);
        }
        if (!arn.matches("arn:aws[a-z-]*:dynamodb:.*") || slash < 0) {
            throw ApiException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        String name = arn.substring(slash + ":table/".length());
        name = name.contains("/") ? name.substring(0, name.indexOf('/')) : name;
        if (name.length() < 3) {
            throw ApiException.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
        }
        TableDefinition table = catalog.find(name);
        if (table == null) {
            throw ApiException.resourceNotFound("Requested resource not found: ResourcArn: " + arn
                    + " not found");
        }
        return table;
    }

    public ObjectNode describeLimits() {
        ObjectNode response = Json.object();
        response.put("AccountMaxReadCapacityUnits", 80000);
        response.put("AccountMaxWriteCapacityUnits", 80000);
        response.put("TableMaxReadCapacityUnits", 40000);
        response.put("TableMaxWriteCapacityUnits", 40000);
        return response;
    }

    public ObjectNode describeEndpoints(String host) {
        ObjectNode response = Json.object();
        response.putArray("Endpoints").addObject().put("Address", host).put("CachePeriodInMinutes", 1440);
        return response;
    }
}
