package io.jets.runtime.local.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jets.core.LocalContext;
import io.jets.runtime.local.failures.LocalFailures;
import io.jets.runtime.local.logs.FunctionLogWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

/**
 * Writes the on-failure record of a discarded batch, in AWS's exact shape, to the local stand-in of the
 * mapping's destination under {@code .jets/failures/}: SQS queues and SNS topics as one JSON file per message,
 * S3 buckets with S3's key layout ({@code aws/lambda/<ESM-UUID>/<shardId>/YYYY/MM/DD/YYYY-MM-DDTHH.MM.SS-<uuid>})
 * and the event added as {@code payload}. See
 * <a href="https://docs.aws.amazon.com/lambda/latest/dg/services-dynamodb-errors.html">on-failure destinations</a>.
 */
public final class FailureWriter {

    private static final DateTimeFormatter S3_DAY = DateTimeFormatter.ofPattern("yyyy/MM/dd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter S3_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH.mm.ss").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter FILE_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS").withZone(ZoneOffset.UTC);

    /** The condition of records discarded for being older than MaximumRecordAgeInSeconds. */
    public static final String RECORD_AGE_EXCEEDED = "RecordAgeExceeded";

    private final Path stateDirectory;
    private final Clock clock;
    private final ObjectMapper json;

    public FailureWriter(Path stateDirectory, Clock clock, ObjectMapper json) {
        this.stateDirectory = stateDirectory;
        this.clock = clock;
        this.json = json;
    }

    /** Writes the record and returns its file; {@code destination} is an SQS, SNS or S3 ARN. */
    public Path write(String destination, String mappingUuid, String functionArn, String streamArn, String shardId,
                      List<StreamRecord> records, String condition, int invokeCount, InvokeResult last,
                      byte[] event) {
        Instant now = clock.instant();
        ObjectNode record = json.createObjectNode();
        // Records discarded for their age: AWS writes no responseContext and an approximateInvokeCount of 1,
        // whether the function never saw them or failed on them until they expired.
        boolean expired = condition.equals(RECORD_AGE_EXCEEDED);
        record.putObject("requestContext")
                .put("requestId", last == null ? UUID.randomUUID().toString() : last.requestId())
                .put("functionArn", functionArn)
                .put("condition", condition)
                .put("approximateInvokeCount", expired ? 1 : invokeCount);
        if (!expired) {
            ObjectNode response = record.putObject("responseContext").put("statusCode", 200)
                    .put("executedVersion", LocalContext.FUNCTION_VERSION);
            // A function that returned normally but reported item failures has no function error: AWS still
            // writes the field, as null.
            if (last == null || last.succeeded()) {
                response.putNull("functionError");
            } else {
                response.put("functionError", "Unhandled");
            }
        }
        record.put("version", "1.0");
        record.put("timestamp", FunctionLogWriter.TIMESTAMP.format(now));
        record.putObject("DDBStreamBatchInfo")
                .put("shardId", shardId)
                .put("startSequenceNumber", records.get(0).sequenceNumber())
                .put("endSequenceNumber", records.get(records.size() - 1).sequenceNumber())
                .put("approximateArrivalOfFirstRecord", records.get(0).created().toString())
                .put("approximateArrivalOfLastRecord", records.get(records.size() - 1).created().toString())
                .put("batchSize", records.size())
                .put("streamArn", streamArn);
        String service = LocalFailures.service(destination);
        String name = LocalFailures.resourceName(destination);
        Path file;
        if (service.equals("s3")) {
            // The event travels as a string in the event's own order. Recordings of the S3 object show its other
            // keys sorted, but the recording tool sorts every object it is given (the SNS envelope too), so the
            // record keeps the order of the SQS and SNS body, the payload after it.
            record.put("payload", new String(event, StandardCharsets.UTF_8));
            file = LocalFailures.root(stateDirectory).resolve("s3").resolve(name)
                    .resolve("aws/lambda").resolve(mappingUuid).resolve(shardId).resolve(S3_DAY.format(now))
                    .resolve(S3_TIME.format(now) + "-" + UUID.randomUUID());
        } else {
            file = LocalFailures.root(stateDirectory).resolve(service).resolve(name)
                    .resolve(FILE_TIME.format(now) + "-" + UUID.randomUUID() + ".json");
        }
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, json.writeValueAsBytes(record));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write failure record " + file + ": " + e.getMessage(), e);
        }
    }
}
