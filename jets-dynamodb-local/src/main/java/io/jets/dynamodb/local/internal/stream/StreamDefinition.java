package io.jets.dynamodb.local.internal.stream;

/**
 * One enablement of a table's stream. Its view type never changes; disabling sets {@code disabledMillis} and the
 * stream stays readable until retention trims it.
 */
public record StreamDefinition(String arn, String tableName, String label, String viewType, String region,
                               String hashKey, String rangeKey, long createdMillis, Long disabledMillis) {

    public boolean enabled() {
        return disabledMillis == null;
    }

    public StreamDefinition disabledAt(long millis) {
        return new StreamDefinition(arn, tableName, label, viewType, region, hashKey, rangeKey, createdMillis,
                millis);
    }
}
