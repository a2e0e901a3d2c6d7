package io.jets.dynamodb.local;

import io.jets.dynamodb.local.internal.ServerBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * An embedded DynamoDB-compatible server with DynamoDB Streams, speaking the DynamoDB JSON 1.0 protocol over
 * HTTP ({@code DynamoDB_20120810} and {@code DynamoDBStreams_20120810} on one endpoint).
 *
 * <pre>{@code
 * try (DynamoDbLocal server = DynamoDbLocal.builder().port(0).dataDirectory(Path.of(".jets/dynamodb")).start()) {
 *     DynamoDbClient client = DynamoDbClient.builder().endpointOverride(server.endpoint()) … .build();
 * }
 * }</pre>
 *
 * <p>Operations: CreateTable, DescribeTable, UpdateTable (streams, billing, GSI create/delete, deletion
 * protection), DeleteTable, ListTables, PutItem, GetItem, UpdateItem, DeleteItem, Query, Scan (tables and
 * secondary indexes), BatchGetItem, BatchWriteItem, TransactWriteItems, TransactGetItems, ExecuteStatement,
 * BatchExecuteStatement, ExecuteTransaction, UpdateTimeToLive, DescribeTimeToLive, TagResource, UntagResource,
 * ListTagsOfResource, DescribeLimits, DescribeEndpoints, DescribeContinuousBackups, UpdateContinuousBackups,
 * CreateBackup, DescribeBackup, ListBackups, DeleteBackup, RestoreTableFromBackup, PutResourcePolicy,
 * GetResourcePolicy, DeleteResourcePolicy, UpdateContributorInsights, DescribeContributorInsights,
 * ListContributorInsights, EnableKinesisStreamingDestination, DisableKinesisStreamingDestination,
 * UpdateKinesisStreamingDestination, DescribeKinesisStreamingDestination (kept and reported; nothing is sent to
 * Kinesis); Streams: ListStreams, DescribeStream, GetShardIterator, GetRecords.
 * Every item change, whatever operation made it, writes its stream record in the same transaction.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/Welcome.html">DynamoDB API</a>
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/APIReference/API_Operations_Amazon_DynamoDB_Streams.html">
 *     DynamoDB Streams API</a>
 */
public interface DynamoDbLocal extends AutoCloseable {

    /** The port the server listens on (the real one when started on port 0). */
    int port();

    /** {@code http://127.0.0.1:<port>}. */
    URI endpoint();

    /**
     * Registers a listener run after every commit that appended stream records, so in-process consumers are
     * woken instead of polling on a timer. Listeners must return quickly; they run on the writing thread.
     */
    void addStreamListener(Runnable listener);

    /**
     * Answers one DynamoDB or DynamoDB Streams JSON 1.0 request in this process, exactly as the HTTP endpoint
     * would but without a socket: how a runtime embedded with the server reads its streams.
     *
     * <pre>{@code
     * DynamoDbLocal.Answer answer = server.call("DynamoDB_20120810.ListTables", "{}".getBytes(UTF_8));
     * }</pre>
     *
     * @param target the {@code X-Amz-Target}, e.g. {@code DynamoDBStreams_20120810.GetRecords}
     * @param body the JSON request
     * @throws IllegalStateException when the server is closed
     */
    default Answer call(String target, byte[] body) {
        throw new UnsupportedOperationException("this server answers over HTTP only, at " + endpoint());
    }

    /**
     * The answer to {@link #call}: the HTTP status and the JSON body (an AWS error envelope when not 200). The body
     * is made for this caller alone and is not copied: a page of GetRecords can run to megabytes.
     */
    record Answer(int status, byte[] body) {
        public Answer {
            java.util.Objects.requireNonNull(body, "body");
        }
    }

    /** Stops accepting requests and closes storage; acknowledged writes are already durable. */
    @Override
    void close();

    /** A builder with the defaults: port 8000 on 127.0.0.1, durable store in {@code .jets/dynamodb}. */
    static Builder builder() {
        return new ServerBuilder();
    }

    /** Configures and starts a server. */
    interface Builder {
        /** Port to listen on; 0 picks a free one. Default 8000. */
        Builder port(int port);

        /** Address to bind; default 127.0.0.1. */
        Builder bindAddress(String address);

        /** Directory of the durable store; default {@code .jets/dynamodb}. */
        Builder dataDirectory(Path directory);

        /** Keep everything in memory (lost on exit). */
        Builder inMemory();

        /** The clock stream records, shard rollover, retention and iterator expiry read; default system UTC. */
        Builder clock(Clock clock);

        /**
         * How long a stream shard stays open before a child shard replaces it, whether or not writes arrive; default
         * 4 hours.
         */
        Builder shardRollover(Duration period);

        /** How long stream records stay readable; default 24 hours, as DynamoDB Streams. */
        Builder streamRetention(Duration retention);

        /** How long a shard iterator stays valid; default 15 minutes, as DynamoDB Streams. */
        Builder iteratorLifetime(Duration lifetime);

        /** How often the time-to-live reaper deletes expired items; default 30 seconds. */
        Builder ttlInterval(Duration interval);

        /**
         * How long an index that UpdateTable adds to a live table takes to build, measured from the call, read
         * from {@link #clock(Clock)}: the table is UPDATING for {@code tableUpdating}, the index CREATING and not
         * yet backfilling for {@code allocation}, then CREATING and backfilling for {@code backfill}, then ACTIVE.
         * Default 2.5 s, 2.5 s and 4.5 s (ACTIVE 7 s after the call); all zero makes the index ACTIVE at once.
         * Indexes created with their table are ACTIVE with it either way.
         */
        Builder indexCreation(Duration tableUpdating, Duration allocation, Duration backfill);

        /**
         * Accept only requests signed (AWS Signature Version 4) with this key pair or another one given the same
         * way; unsigned or wrongly signed requests get DynamoDB's authentication errors. By default any
         * credentials are accepted.
         */
        Builder requireSignature(String accessKeyId, String secretAccessKey);

        DynamoDbLocal start();
    }
}
