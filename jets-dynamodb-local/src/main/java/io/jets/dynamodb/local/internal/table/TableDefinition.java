package io.jets.dynamodb.local.internal.table;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the server knows about a table, persisted as JSON in the {@code tables} row. Immutable; changes produce a
 * new definition through the {@code with…} methods.
 *
 * @param id            the storage id of the table (items rows are keyed by it)
 * @param tableId       the UUID DescribeTable reports as TableId
 * @param stream        the current stream, null when the table has never had one
 * @param ttlAttribute  the TTL attribute while time to live is enabled, else null
 * @param tableClass    the table class once one was chosen, null for a table that never had one (STANDARD)
 * @param options       point-in-time recovery and restore details, as DynamoDB reports them
 * @param vectorIndexes the table's vector indexes, in the order they were created
 */
public record TableDefinition(
        long id,
        String name,
        String tableId,
        long createdMillis,
        List<AttributeDefinition> attributeDefinitions,
        String hashKey,
        String rangeKey,
        String billingMode,
        long readCapacityUnits,
        long writeCapacityUnits,
        StreamState stream,
        List<IndexDefinition> globalIndexes,
        List<IndexDefinition> localIndexes,
        String ttlAttribute,
        boolean deletionProtection,
        Map<String, String> tags,
        String tableClass,
        TableOptions options,
        List<VectorIndexDefinition> vectorIndexes) {

    @JsonCreator
    public TableDefinition {
        vectorIndexes = vectorIndexes == null ? List.of() : List.copyOf(vectorIndexes);
        attributeDefinitions = List.copyOf(attributeDefinitions);
        globalIndexes = globalIndexes == null ? List.of() : List.copyOf(globalIndexes);
        localIndexes = localIndexes == null ? List.of() : List.copyOf(localIndexes);
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tags));
        options = options == null ? TableOptions.DEFAULT : options;
    }

    /** A table without vector indexes. */
    public TableDefinition(long id, String name, String tableId, long createdMillis,
                           List<AttributeDefinition> attributeDefinitions, String hashKey, String rangeKey,
                           String billingMode, long readCapacityUnits, long writeCapacityUnits, StreamState stream,
                           List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes,
                           String ttlAttribute, boolean deletionProtection, Map<String, String> tags,
                           String tableClass, TableOptions options) {
        this(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey, billingMode,
                readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes, ttlAttribute,
                deletionProtection, tags, tableClass, options, List.of());
    }

    /** A table with none of the settings of {@link TableOptions}, as CreateTable makes one. */
    public TableDefinition(long id, String name, String tableId, long createdMillis,
                           List<AttributeDefinition> attributeDefinitions, String hashKey, String rangeKey,
                           String billingMode, long readCapacityUnits, long writeCapacityUnits, StreamState stream,
                           List<IndexDefinition> globalIndexes, List<IndexDefinition> localIndexes,
                           String ttlAttribute, boolean deletionProtection, Map<String, String> tags,
                           String tableClass) {
        this(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey, billingMode,
                readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes, ttlAttribute,
                deletionProtection, tags, tableClass, TableOptions.DEFAULT);
    }

    /** An attribute definition: name and scalar type S, N or B. */
    public record AttributeDefinition(String name, String type) {
    }

    /** The current stream of the table; {@code enabled} false once it was disabled (the ARN stays readable). */
    public record StreamState(boolean enabled, String viewType, String arn, String label) {
    }

    /**
     * A secondary index: its key, projection and (for INCLUDE) the projected non-key attributes. A global index
     * key may be made of up to four HASH and four RANGE attributes ({@code hashKeys}, {@code rangeKeys}, in key
     * schema order); {@code hashKey} and {@code rangeKey} are their first elements. Definitions stored before
     * multi-attribute keys carry only those two, and the lists are derived from them. {@code warmReadUnits} and
     * {@code warmWriteUnits} are the highest warm throughput a global index was given or reached, 0 while it only has
     * what its billing gives it.
     */
    public record IndexDefinition(String name, String hashKey, String rangeKey, String projectionType,
                                  List<String> nonKeyAttributes, long readCapacityUnits, long writeCapacityUnits,
                                  List<String> hashKeys, List<String> rangeKeys, long warmReadUnits,
                                  long warmWriteUnits) {
        @JsonCreator
        public IndexDefinition {
            nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
            hashKeys = hashKeys == null || hashKeys.isEmpty() ? List.of(hashKey) : List.copyOf(hashKeys);
            rangeKeys = rangeKeys == null || rangeKeys.isEmpty()
                    ? (rangeKey == null ? List.of() : List.of(rangeKey)) : List.copyOf(rangeKeys);
            hashKey = hashKeys.get(0);
            rangeKey = rangeKeys.isEmpty() ? null : rangeKeys.get(0);
        }

        /** An index keyed by one HASH and at most one RANGE attribute. */
        public IndexDefinition(String name, String hashKey, String rangeKey, String projectionType,
                               List<String> nonKeyAttributes, long readCapacityUnits, long writeCapacityUnits) {
            this(name, hashKey, rangeKey, projectionType, nonKeyAttributes, readCapacityUnits, writeCapacityUnits,
                    null, null);
        }

        /** An index with a key of up to four HASH and four RANGE attributes, at the warm throughput of its billing. */
        public IndexDefinition(String name, String hashKey, String rangeKey, String projectionType,
                               List<String> nonKeyAttributes, long readCapacityUnits, long writeCapacityUnits,
                               List<String> hashKeys, List<String> rangeKeys) {
            this(name, hashKey, rangeKey, projectionType, nonKeyAttributes, readCapacityUnits, writeCapacityUnits,
                    hashKeys, rangeKeys, 0, 0);
        }

        public IndexDefinition withThroughput(long read, long write) {
            return new IndexDefinition(name, hashKey, rangeKey, projectionType, nonKeyAttributes, read, write,
                    hashKeys, rangeKeys, warmReadUnits, warmWriteUnits);
        }

        public IndexDefinition withWarmThroughput(long read, long write) {
            return new IndexDefinition(name, hashKey, rangeKey, projectionType, nonKeyAttributes, readCapacityUnits,
                    writeCapacityUnits, hashKeys, rangeKeys, read, write);
        }

        /** Every key attribute of the index: the HASH attributes, then the RANGE attributes, in order. */
        @JsonIgnore
        public List<String> keyNames() {
            List<String> names = new ArrayList<>(hashKeys);
            names.addAll(rangeKeys);
            return List.copyOf(names);
        }

        /** Whether the key has more than one HASH or more than one RANGE attribute. */
        @JsonIgnore
        public boolean multiAttributeKey() {
            return hashKeys.size() > 1 || rangeKeys.size() > 1;
        }
    }

    @JsonIgnore
    public List<String> keyNames() {
        return rangeKey == null ? List.of(hashKey) : List.of(hashKey, rangeKey);
    }

    public String typeOf(String attribute) {
        for (AttributeDefinition definition : attributeDefinitions) {
            if (definition.name().equals(attribute)) {
                return definition.type();
            }
        }
        return null;
    }

    @JsonIgnore
    public boolean streamEnabled() {
        return stream != null && stream.enabled();
    }

    public TableDefinition withStream(StreamState newStream) {
        return new TableDefinition(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                billingMode, readCapacityUnits, writeCapacityUnits, newStream, globalIndexes, localIndexes,
                ttlAttribute, deletionProtection, tags, tableClass, options, vectorIndexes);
    }

    public TableDefinition withBilling(String mode, long read, long write) {
        return new TableDefinition(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                mode, read, write, stream, globalIndexes, localIndexes, ttlAttribute, deletionProtection, tags,
                tableClass, options, vectorIndexes);
    }

    public TableDefinition withTtlAttribute(String attribute) {
        return new TableDefinition(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                billingMode, readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes,
                attribute, deletionProtection, tags, tableClass, options, vectorIndexes);
    }

    public TableDefinition withDeletionProtection(boolean enabled) {
        return new TableDefinition(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                billingMode, readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes,
                ttlAttribute, enabled, tags, tableClass, options, vectorIndexes);
    }

    public TableDefinition withTags(Map<String, String> newTags) {
        return new TableDefinition(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                billingMode, readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes,
                ttlAttribute, deletionProtection, newTags, tableClass, options, vectorIndexes);
    }

    public TableDefinition withTableClass(String newClass) {
        return new TableDefinition(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                billingMode, readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes,
                ttlAttribute, deletionProtection, tags, newClass, options, vectorIndexes);
    }

    public TableDefinition withId(long newId) {
        return new TableDefinition(newId, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                billingMode, readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes,
                ttlAttribute, deletionProtection, tags, tableClass, options, vectorIndexes);
    }

    public TableDefinition withGlobalIndexes(List<IndexDefinition> indexes, List<AttributeDefinition> definitions) {
        return new TableDefinition(id, name, tableId, createdMillis, new ArrayList<>(definitions), hashKey,
                rangeKey, billingMode, readCapacityUnits, writeCapacityUnits, stream, indexes, localIndexes,
                ttlAttribute, deletionProtection, tags, tableClass, options, vectorIndexes);
    }

    public TableDefinition withOptions(TableOptions newOptions) {
        return new TableDefinition(id, name, tableId, createdMillis, attributeDefinitions, hashKey, rangeKey,
                billingMode, readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes,
                ttlAttribute, deletionProtection, tags, tableClass, newOptions, vectorIndexes);
    }

    public TableDefinition withVectorIndexes(List<VectorIndexDefinition> indexes,
                                             List<AttributeDefinition> definitions) {
        return new TableDefinition(id, name, tableId, createdMillis, new ArrayList<>(definitions), hashKey,
                rangeKey, billingMode, readCapacityUnits, writeCapacityUnits, stream, globalIndexes, localIndexes,
                ttlAttribute, deletionProtection, tags, tableClass, options, indexes);
    }

    /** The global secondary index named {@code indexName}, or null. */
    public IndexDefinition globalIndex(String indexName) {
        for (IndexDefinition index : globalIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    /** The vector index named {@code indexName}, or null. */
    public VectorIndexDefinition vectorIndex(String indexName) {
        for (VectorIndexDefinition index : vectorIndexes) {
            if (index.name().equals(indexName)) {
                return index;
            }
        }
        return null;
    }

    /** One element of a vector index's SearchSchema: an attribute and its role, HASH or INLINE_FILTER. */
    public record SearchSchemaElement(String attributeName, String type) {
    }

    /**
     * A vector index: the item attribute holding the vector (a list of {@code dimensions} numbers), its search
     * schema (at most one HASH attribute, which partitions the index, and inline filter attributes), what it
     * projects, and the distance function that scores a search.
     *
     * @param createdMillis when the index was created; DynamoDB reports it CREATING in the answer that creates it
     */
    public record VectorIndexDefinition(String name, String vectorAttribute, List<SearchSchemaElement> searchSchema,
                                        String projectionType, List<String> nonKeyAttributes, long dimensions,
                                        String distanceFunction, long createdMillis) {
        @JsonCreator
        public VectorIndexDefinition {
            searchSchema = searchSchema == null ? List.of() : List.copyOf(searchSchema);
            nonKeyAttributes = nonKeyAttributes == null ? List.of() : List.copyOf(nonKeyAttributes);
        }

        /** The HASH attribute of the search schema, null when the index is not partitioned. */
        @JsonIgnore
        public String hashAttribute() {
            for (SearchSchemaElement element : searchSchema) {
                if (element.type().equals("HASH")) {
                    return element.attributeName();
                }
            }
            return null;
        }

        /** The INLINE_FILTER attributes of the search schema, in schema order. */
        @JsonIgnore
        public List<String> inlineFilters() {
            List<String> names = new ArrayList<>();
            for (SearchSchemaElement element : searchSchema) {
                if (element.type().equals("INLINE_FILTER")) {
                    names.add(element.attributeName());
                }
            }
            return List.copyOf(names);
        }
    }
}
