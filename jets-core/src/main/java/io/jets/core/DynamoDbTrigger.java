package io.jets.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the annotated method when items in a DynamoDB table change: the Java form of Jets'
 * {@code dynamodb_event "test-table"}.
 *
 * <pre>{@code
 * public class ClerkEvent extends ApplicationEvent {
 *     @DynamoDbTrigger("test-table")          // existing table: demo-dev_test-table
 *     public void file() {
 *         System.out.println("event " + event());
 *     }
 * }
 * }</pre>
 *
 * <p>The value is a table name, namespaced with the project's table namespace ({@code test-table} becomes
 * {@code demo-dev_test-table}), or a full stream ARN ({@code arn:aws:dynamodb:…:table/T/stream/LABEL}), used as
 * given and never namespaced. Every other attribute is a property of the
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-ddb-params.html">Lambda event source mapping</a>,
 * with AWS's names, ranges and defaults; out-of-range values are compile errors. The annotation is repeatable:
 * one method may listen to several tables, each through its own mapping.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@Repeatable(DynamoDbTriggers.class)
public @interface DynamoDbTrigger {

    /** Table name (namespaced) or stream ARN (used as given). */
    String value();

    /** BatchSize: 1..10000. */
    int batchSize() default 100;

    /** MaximumBatchingWindowInSeconds: 0..300. */
    int maximumBatchingWindowInSeconds() default 0;

    /** StartingPosition: TRIM_HORIZON (Jets' default) or LATEST. */
    StartingPosition startingPosition() default StartingPosition.TRIM_HORIZON;

    /** ParallelizationFactor: 1..10 concurrent batches per shard, order kept per item key. */
    int parallelizationFactor() default 1;

    /** BisectBatchOnFunctionError: split a failed batch in two; splitting does not use up retries. */
    boolean bisectBatchOnFunctionError() default false;

    /** MaximumRetryAttempts: -1 (infinite) .. 10000. */
    int maximumRetryAttempts() default -1;

    /** MaximumRecordAgeInSeconds: -1 (infinite) or 60..604800. */
    int maximumRecordAgeInSeconds() default -1;

    /** DestinationConfig.OnFailure.Destination: an SQS queue, SNS topic or S3 bucket ARN; empty for none. */
    String onFailure() default "";

    /**
     * FilterCriteria patterns (JSON, at most 5, each at most 4096 characters) in Lambda's filter syntax: exact
     * values, null, "", prefix, suffix, equals-ignore-case, anything-but, numeric, exists and $or, e.g.
     * {@code {"eventName":["INSERT"],"dynamodb":{"NewImage":{"status":{"S":["open"]}}}}}. Records matching none
     * are dropped and checkpointed. A pattern Lambda would refuse fails the compilation.
     */
    String[] filters() default {};

    /** FunctionResponseTypes ReportBatchItemFailures: the method may return a {@code StreamsEventResponse}. */
    boolean reportBatchItemFailures() default false;

    /** TumblingWindowInSeconds: 0 (off) .. 900. */
    int tumblingWindowInSeconds() default 0;

    /** Enabled: a disabled mapping keeps its checkpoint and resumes from it when enabled again. */
    boolean enabled() default true;

    /** Where a new mapping starts reading its stream. */
    enum StartingPosition { TRIM_HORIZON, LATEST }
}
