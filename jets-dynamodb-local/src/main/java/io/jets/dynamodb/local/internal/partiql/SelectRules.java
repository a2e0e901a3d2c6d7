package io.jets.dynamodb.local.internal.partiql;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.dynamodb.local.internal.ApiException;
import io.jets.dynamodb.local.internal.Json;
import io.jets.dynamodb.local.internal.expr.AttributeValues;
import io.jets.dynamodb.local.internal.table.TableDefinition;
import io.jets.dynamodb.local.internal.table.TableDefinition.IndexDefinition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What DynamoDB checks about a SELECT before it reads: the index it names and what that index projects, OR
 * branches that would read the same sort keys, and an ORDER BY it can serve; and how it orders the result.
 */
final class SelectRules {

    /** A name placeholder at the start of a path, not one after a dot. */
    private static final Pattern TOP_LEVEL_NAME = Pattern.compile("(?<![.\\w])#p\\d+");

    private SelectRules() {
    }

    /**
     * The index a SELECT names. An index answers only what it projects: DynamoDB refuses a column a global index
     * does not project (a local index reaches the base item for those). A filter on an attribute either kind does
     * not project is refused when the WHERE clause fixes the index's partition key (an equality or IN at its top
     * level); otherwise the read scans the index, where that attribute is absent.
     */
    static IndexDefinition index(TableDefinition table, PartiQlStatement statement) {
        IndexDefinition index = find(table, statement.index());
        boolean global = table.globalIndexes().contains(index);
        if ("ALL".equals(index.projectionType())) {
            return index;
        }
        Set<String> projected = projectedNames(table, index);
        if (global && statement.projection() != null) {
            List<String> missing = outside(projected, statement, statement.projection());
            if (!missing.isEmpty()) {
                throw ApiException.validation("One or more parameter values were invalid: Global secondary index "
                        + index.name() + " does not project " + missing);
            }
        }
        if (statement.condition() != null && statement.fixes(index.hashKey())) {
            List<String> missing = outside(projected, statement, statement.condition());
            if (!missing.isEmpty()) {
                throw ApiException.validation("One or more parameter values were invalid: Secondary index "
                        + index.name() + " does not project one or more filter attributes: " + missing);
            }
        }
        return index;
    }

    /**
     * PartiQL reads no index whose key has several HASH or several RANGE attributes. DynamoDB's message speaks of
     * tables, but the refusal follows the index: the base table and the table's other indexes still read.
     */
    static void refuseMultiAttributeIndex(TableDefinition table, PartiQlStatement statement) {
        if (!statement.kind().equals("SELECT") || statement.index() == null) {
            refuseWhatTheParserDeferred(statement);
            return;
        }
        boolean multi = table.globalIndexes().stream()
                .anyMatch(index -> index.name().equals(statement.index()) && index.multiAttributeKey());
        if (multi) {
            throw ApiException.validation("PartiQL statements cannot be executed on tables with multi-attribute HASH"
                    + " keys or multi-attribute RANGE keys.");
        }
        refuseWhatTheParserDeferred(statement);
    }

    /** A statement that parsed but is refused once its table is known, such as a call in a select list. */
    static void refuseWhatTheParserDeferred(PartiQlStatement statement) {
        if (statement.refusal() != null) {
            throw ApiException.validation(statement.refusal());
        }
    }

    private static IndexDefinition find(TableDefinition table, String name) {
        List<IndexDefinition> indexes = new ArrayList<>(table.globalIndexes());
        indexes.addAll(table.localIndexes());
        return indexes.stream().filter(index -> index.name().equals(name)).findFirst().orElseThrow(
                // unlike Query and Scan, ExecuteStatement does not name the index; it reads a vector index as a Scan
                () -> ApiException.validation(table.vectorIndex(name) != null
                        ? "Scan operation not supported on this index type"
                        : "The table does not have the specified index"));
    }

    /** The top-level attributes an expression names that the index does not project, in statement order. */
    private static List<String> outside(Set<String> projected, PartiQlStatement statement, String expression) {
        Set<String> missing = new LinkedHashSet<>();
        Matcher matcher = TOP_LEVEL_NAME.matcher(expression);
        while (matcher.find()) {
            String name = statement.names().get(matcher.group()).asText();
            if (!projected.contains(name)) {
                missing.add(name);
            }
        }
        return List.copyOf(missing);
    }

    private static Set<String> projectedNames(TableDefinition table, IndexDefinition index) {
        Set<String> names = new HashSet<>(table.keyNames());
        names.addAll(index.keyNames());
        if ("INCLUDE".equals(index.projectionType())) {
            names.addAll(index.nonKeyAttributes());
        }
        return names;
    }

    /** Whether a local index answers these columns by fetching the item from its table. */
    static boolean fetches(TableDefinition table, IndexDefinition index, List<String> columns) {
        return !"ALL".equals(index.projectionType()) && !table.globalIndexes().contains(index)
                && !projectedNames(table, index).containsAll(columns);
    }

    /**
     * An item as the index holds it: what its WHERE clause sees and what {@code SELECT *} answers, for a local index
     * as for a global one.
     */
    static ObjectNode projected(TableDefinition table, IndexDefinition index, ObjectNode item) {
        if ("ALL".equals(index.projectionType())) {
            return item;
        }
        ObjectNode projected = Json.object();
        Set<String> names = projectedNames(table, index);
        item.fields().forEachRemaining(field -> {
            if (names.contains(field.getKey())) {
                projected.set(field.getKey(), field.getValue());
            }
        });
        return projected;
    }

    static void check(TableDefinition table, PartiQlStatement statement) {
        refuseOverlappingBranches(table, statement);
        if (!statement.orderBy().isEmpty() && statement.index() == null) {
            checkOrderBy(table, statement);
        }
    }

    /**
     * DynamoDB runs OR branches on one partition as separate reads of its sort key, and refuses two that would
     * read the same items: both without a sort key condition, one without and one with an equality, or the same
     * equality twice. A branch that names the sort key in any other way (NOT, {@code <>}, a range) is left alone.
     */
    private static void refuseOverlappingBranches(TableDefinition table, PartiQlStatement statement) {
        String sortKey = table.rangeKey();
        List<PartiQlStatement.Branch> branches = statement.branches();
        if (sortKey == null || statement.index() != null) {
            return;
        }
        for (int i = 0; i < branches.size(); i++) {
            for (int j = i + 1; j < branches.size(); j++) {
                PartiQlStatement.Branch one = branches.get(i);
                PartiQlStatement.Branch other = branches.get(j);
                JsonNode hash = one.equalities().get(table.hashKey());
                if (hash == null || !hash.equals(other.equalities().get(table.hashKey()))
                        || one.otherNames().contains(sortKey) || other.otherNames().contains(sortKey)) {
                    continue;
                }
                JsonNode first = one.equalities().get(sortKey);
                JsonNode second = other.equalities().get(sortKey);
                if (first == null || second == null || first.equals(second)) {
                    throw ApiException.validation("Overlapping conditions with range keys are not supported in"
                            + " where clause");
                }
            }
        }
    }

    /** ORDER BY reads the key: it needs a WHERE clause that names the partition, and orders only by key attributes. */
    private static void checkOrderBy(TableDefinition table, PartiQlStatement statement) {
        if (statement.condition() == null) {
            throw ApiException.validation("Must have WHERE clause in the statement when using ORDER BY clause.");
        }
        for (PartiQlStatement.Order order : statement.orderBy()) {
            if (!table.keyNames().contains(order.attribute())) {
                throw ApiException.validation("Attribute " + order.attribute()
                        + " in ORDER BY clause must be part of the primary key");
            }
        }
        if (statement.equalities().containsKey(table.hashKey())) {
            return;
        }
        if (!hashKeyIn(table, statement)) {
            throw ApiException.validation("Must have at least one non-optional hash key condition in WHERE clause"
                    + " when using ORDER BY clause.");
        }
        if (statement.orderBy().stream().noneMatch(order -> order.attribute().equals(table.hashKey()))) {
            throw ApiException.validation("Must have hash key in ORDER BY clause when more than one hash key"
                    + " condition specified in WHERE clause.");
        }
    }

    private static boolean hashKeyIn(TableDefinition table, PartiQlStatement statement) {
        if (statement.names() == null) {
            return false;
        }
        for (var field : (Iterable<java.util.Map.Entry<String, JsonNode>>) statement.names()::fields) {
            if (field.getValue().asText().equals(table.hashKey())
                    && statement.condition().contains(field.getKey() + " IN (")) {
                return true;
            }
        }
        return false;
    }

    /** Orders the items by the ORDER BY terms; items they do not tell apart keep their key order. */
    static void sort(List<ObjectNode> items, List<PartiQlStatement.Order> orderBy) {
        Comparator<ObjectNode> comparator = null;
        for (PartiQlStatement.Order order : orderBy) {
            Comparator<ObjectNode> term = (a, b) -> compare(a.get(order.attribute()), b.get(order.attribute()));
            term = order.descending() ? term.reversed() : term;
            comparator = comparator == null ? term : comparator.thenComparing(term);
        }
        if (comparator != null) {
            items.sort(comparator);
        }
    }

    private static int compare(JsonNode a, JsonNode b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        return AttributeValues.compare(a, b);
    }
}
