package io.jets.runtime.local.failures;

import java.time.Instant;
import java.util.Objects;

/**
 * One on-failure record kept locally.
 *
 * @param id          its path under {@code .jets/failures/}, e.g. {@code sqs/orders-dlq/20261125T145200.123-….json}
 * @param destination the destination it was sent to: {@code sqs/orders-dlq}, {@code sns/alerts}, {@code s3/bucket}
 * @param written     when it was written
 * @param json        the record as AWS would deliver it
 */
public record FailureRecord(String id, String destination, Instant written, String json) {

    public FailureRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(destination, "destination");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(json, "json");
    }
}
