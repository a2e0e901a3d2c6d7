package io.jets.core.index;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One DynamoDB trigger of a function, as recorded in the compile-time index: the source (table name before
 * namespacing, or a stream ARN) and every event source mapping property.
 */
public record TriggerDefinition(
        String source,
        int batchSize,
        int maximumBatchingWindowInSeconds,
        StartingPosition startingPosition,
        int parallelizationFactor,
        boolean bisectBatchOnFunctionError,
        int maximumRetryAttempts,
        int maximumRecordAgeInSeconds,
        String onFailure,
        List<String> filters,
        boolean reportBatchItemFailures,
        int tumblingWindowInSeconds,
        boolean enabled) {

    private static final Pattern STREAM_ARN_PREFIX = Pattern.compile("arn:aws[a-z-]*:dynamodb:");

    public TriggerDefinition {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(startingPosition, "startingPosition");
        onFailure = onFailure == null ? "" : onFailure;
        filters = List.copyOf(filters);
    }

    /** Whether the source is a stream ARN, used as given (never namespaced). */
    public boolean isStreamArn() {
        return STREAM_ARN_PREFIX.matcher(source).lookingAt();
    }

    /** A trigger on {@code source} with AWS's defaults (and Jets' TRIM_HORIZON). */
    public static TriggerDefinition withDefaults(String source) {
        return new TriggerDefinition(source, 100, 0, StartingPosition.TRIM_HORIZON, 1, false, -1, -1, "",
                List.of(), false, 0, true);
    }
}
