package io.jets.core.index;

import io.jets.core.DynamoDbTrigger.StartingPosition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One DynamoDB trigger of a function, as recorded in the compile-time index: the source (table name before
 * namespacing, or a stream ARN) and every event source mapping property.
 *
 * <pre>{@code
 * TriggerDefinition trigger = TriggerDefinition.withDefaults("test-table");
 * trigger.problems();   // [] — AWS's defaults are valid
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html">DynamoDB event source
 *      mapping parameters</a>
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
    private static final Pattern STREAM_ARN =
            Pattern.compile("arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\\d{12}:table/[A-Za-z0-9_.-]{3,255}/stream/.+");
    private static final Pattern TABLE_NAME = Pattern.compile("[A-Za-z0-9_.-]{1,255}");
    private static final Pattern ON_FAILURE_ARN =
            Pattern.compile("arn:aws[a-z-]*:(sqs:[a-z0-9-]+:\\d{12}:.+|sns:[a-z0-9-]+:\\d{12}:.+|s3:::.+)");

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

    /**
     * Every property outside the range AWS accepts, in AWS's wording ({@code batchSize must be between 1 and
     * 10000, got: 0}); empty when the mapping is valid. The annotation processor reports these as compile errors.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (isStreamArn()) {
            if (!STREAM_ARN.matcher(source).matches()) {
                problems.add("value must be a table name or a stream ARN like arn:aws:dynamodb:us-west-2:"
                        + "112233445566:table/demo-dev_test-table/stream/2024-02-11T15:44:30.751, got: " + source);
            }
        } else if (!TABLE_NAME.matcher(source).matches()) {
            problems.add("value must be a table name (letters, digits, _ - .) or a stream ARN, got: \"" + source + "\"");
        }
        range(problems, "batchSize", batchSize, 1, 10000);
        range(problems, "maximumBatchingWindowInSeconds", maximumBatchingWindowInSeconds, 0, 300);
        range(problems, "parallelizationFactor", parallelizationFactor, 1, 10);
        range(problems, "maximumRetryAttempts", maximumRetryAttempts, -1, 10000);
        if (maximumRecordAgeInSeconds != -1 && (maximumRecordAgeInSeconds < 60 || maximumRecordAgeInSeconds > 604800)) {
            problems.add("maximumRecordAgeInSeconds must be -1 (infinite) or between 60 and 604800, got: "
                    + maximumRecordAgeInSeconds);
        }
        range(problems, "tumblingWindowInSeconds", tumblingWindowInSeconds, 0, 900);
        if (!onFailure.isEmpty() && !ON_FAILURE_ARN.matcher(onFailure).matches()) {
            problems.add("onFailure must be an SQS queue, SNS topic or S3 bucket ARN (arn:aws:sqs:…, arn:aws:sns:…,"
                    + " arn:aws:s3:::…), got: " + onFailure);
        }
        if (filters.size() > FilterPatterns.MAX_FILTERS) {
            problems.add("filters must have at most " + FilterPatterns.MAX_FILTERS + " patterns, got: " + filters.size());
        }
        for (int i = 0; i < filters.size(); i++) {
            FilterPatterns.problem(filters.get(i), "filters[" + i + "]").ifPresent(problems::add);
        }
        return problems;
    }

    private static void range(List<String> problems, String name, int value, int min, int max) {
        if (value < min || value > max) {
            problems.add(name + " must be between " + min + " and " + max + ", got: " + value);
        }
    }
}
