package io.jets.runtime.local.conformance;

import static io.jets.runtime.local.conformance.Lambda.function;
import static io.jets.runtime.local.conformance.Lambda.trigger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.jets.runtime.local.LocalRuntime;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * What happens below the table: shards that roll over (parents read before children, nothing lost), shard
 * iterators that expire during a long idle, a trigger given as a full stream ARN, and TTL deletions.
 */
class ShardConformanceIT {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @TempDir
    Path state;

    @Test
    void shardRollover_readsParentsBeforeChildren_andLosesNothing() throws Exception {
        try (Lambda lambda = new Lambda(state, server -> server.shardRollover(Duration.ofMillis(200)))) {
            String streamArn = lambda.table();
            lambda.start((f, e, c) -> null, function(trigger().batchSize(3)));
            List<String> written = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = String.format("id-%02d", i);
                lambda.put(id, "x");
                written.add(id);
                Thread.sleep(60);
            }
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() >= 12);
            assertThat(lambda.streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards())
                    .hasSizeGreaterThan(1);
            assertThat(lambda.deliveredIds()).containsExactlyElementsOf(written);
        }
    }

    /**
     * Lambda polls a shard four times a second (local emulators often once a second); with the server's signal
     * a record written to an idle stream is read at once, before Lambda's next poll would even come.
     */
    @Test
    void recordWrittenToAnIdleStream_reachesTheFunctionBeforeLambdasNextPoll() throws Exception {
        try (Lambda lambda = new Lambda(state)) {
            lambda.table();
            List<Long> invokedAt = new CopyOnWriteArrayList<>();
            lambda.start((f, e, c) -> {
                invokedAt.add(System.nanoTime());
                return null;
            }, function(trigger()));
            List<Duration> latencies = new ArrayList<>();
            for (int i = 0; i < 9; i++) {
                Thread.sleep(300);
                long written = System.nanoTime();
                lambda.put("id-" + i, "x");
                int delivered = i + 1;
                await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> invokedAt.size() >= delivered);
                latencies.add(Duration.ofNanos(invokedAt.get(i) - written));
            }
            latencies.sort(null);

            assertThat(latencies.get(latencies.size() / 2)).as("median time from PutItem to the invoke, of %s",
                    latencies).isLessThan(Duration.ofMillis(250));
        }
    }

    @Test
    void expiredShardIterator_afterALongIdle_neverStallsTheMapping() throws Exception {
        try (Lambda lambda = new Lambda(state, server -> server.iteratorLifetime(Duration.ofMillis(300)))) {
            lambda.table();
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("before", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("before"));
            Thread.sleep(1500);
            lambda.put("after", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("after"));
            assertThat(lambda.deliveredIds()).containsExactly("before", "after");
        }
    }

    /**
     * A batch that keeps failing holds its shard past the stream's retention: the shard is gone when the reader
     * asks for more. Its records are lost, as on AWS, but the mapping goes on with the shards after it.
     */
    @Test
    void shardGonePastRetention_whileItsBatchFailed_theMappingGoesOnWithTheNextShards() throws Exception {
        try (Lambda lambda = new Lambda(state, server -> server.shardRollover(Duration.ofMillis(300))
                .streamRetention(Duration.ofSeconds(1)))) {
            lambda.table();
            AtomicBoolean failing = new AtomicBoolean(true);
            lambda.start(failingWhile(failing), function(trigger()));
            lambda.put("early", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("early"));
            Thread.sleep(400);
            lambda.put("second", "x"); // a write after the 300 ms period: the first shard closes, a child opens
            Thread.sleep(1_500); // the first shard passes the retention while its batch keeps failing
            long failedTries = lambda.deliveredIds().stream().filter("early"::equals).count();
            failing.set(false);
            // the retry succeeds; the reader then finds its shard gone
            await().atMost(WAIT).until(() -> lambda.deliveredIds().stream().filter("early"::equals).count()
                    > failedTries);
            Thread.sleep(1_000); // new shards have opened since
            lambda.put("after", "x");

            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("after"));
        }
    }

    /**
     * A parent shard passes the retention while its reader still retries a batch, so it is no longer listed: its
     * child waits for that reader all the same, and one key's changes still reach the function in order.
     */
    @Test
    void childOfAShardGoneWhileItsBatchRetries_waitsForThatBatch() throws Exception {
        MovableClock clock = new MovableClock();
        try (Lambda lambda = new Lambda(state, server -> server.clock(clock).shardRollover(Duration.ofMinutes(10))
                .streamRetention(Duration.ofHours(1)))) {
            lambda.table();
            AtomicBoolean failing = new AtomicBoolean(true);
            lambda.start(failingWhile(failing), function(trigger()));
            lambda.put("k", "v1");
            await().atMost(WAIT).until(() -> names(lambda).contains("v1"));
            clock.advance(Duration.ofMinutes(11));
            lambda.put("k", "v2"); // the first shard closes at 10 min; v2 opens its child
            clock.advance(Duration.ofMinutes(60)); // the first shard is gone (70 min), v2 not yet trimmed (71 min)
            Thread.sleep(2_500); // the mapping lists the stream's shards again meanwhile (every second)
            failing.set(false);

            await().atMost(WAIT).until(() -> names(lambda).contains("v2"));
            List<String> names = names(lambda);
            assertThat(names.indexOf("v2")).as("first attempt of v2 in %s", names)
                    .isGreaterThan(names.lastIndexOf("v1"));
        }
    }

    /** A function that throws while {@code failing} is set, as one whose downstream service is down. */
    private static Lambda.Handler failingWhile(AtomicBoolean failing) {
        return (function, event, context) -> {
            if (failing.get()) {
                throw new IllegalStateException("downstream is down");
            }
            return null;
        };
    }

    /** The name in the new image of every record the function was given, attempts included, in order. */
    private static List<String> names(Lambda lambda) {
        return lambda.invocations.stream().flatMap(invocation -> invocation.records().stream())
                .map(record -> record.path("dynamodb").path("NewImage").path("name").path("S").asText())
                .toList();
    }

    /**
     * The stream was turned off and on again while the mapping was stopped, and the old stream's shards have all
     * passed the retention since: started again, the mapping finds the old stream empty and goes on to the new one.
     */
    @Test
    void restartAfterTheOldStreamsShardsAreGone_movesToTheNewStream() throws Exception {
        try (Lambda lambda = new Lambda(state, server -> server.streamRetention(Duration.ofSeconds(1)))) {
            lambda.table();
            LocalRuntime first = lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("old", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("old"));
            first.close();

            lambda.disableStream(Lambda.TABLE);
            Thread.sleep(1_500); // the old stream's shards pass the retention
            lambda.enableStream(Lambda.TABLE, StreamViewType.NEW_AND_OLD_IMAGES);
            lambda.start((f, e, c) -> null, function(trigger()));
            lambda.put("new", "x");

            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("new"));
        }
    }

    @Test
    void triggerOnAFullStreamArn_readsThatStream_andReportsItAsEventSource() {
        try (Lambda lambda = new Lambda(state)) {
            String streamArn = lambda.table();
            lambda.start((f, e, c) -> null, function(new Lambda.Trigger(streamArn)));
            lambda.put("a", "x");
            await().atMost(WAIT).until(() -> lambda.deliveredIds().contains("a"));
            assertThat(lambda.invocations.get(0).records().get(0).path("eventSourceARN").asText())
                    .isEqualTo(streamArn);
        }
    }

    @Test
    void ttlDeletion_isARemoveWithTheServiceUserIdentity_betweenDynamodbAndEventSourceArn() {
        try (Lambda lambda = new Lambda(state, server -> server.ttlInterval(Duration.ofMillis(100)))) {
            lambda.table();
            lambda.dynamo.updateTimeToLive(b -> b.tableName(Lambda.TABLE)
                    .timeToLiveSpecification(t -> t.enabled(true).attributeName("expires")));
            lambda.start((f, e, c) -> null, function(trigger()));
            String past = Long.toString(Instant.now().minusSeconds(60).getEpochSecond());
            lambda.dynamo.putItem(b -> b.tableName(Lambda.TABLE).item(Map.of(
                    "id", AttributeValue.fromS("old"), "expires", AttributeValue.fromN(past))));
            await().atMost(WAIT).until(() -> lambda.deliveredIds().size() == 2);

            List<JsonNode> records = new ArrayList<>();
            lambda.invocations.forEach(i -> records.addAll(i.records()));
            assertThat(records.get(0).has("userIdentity")).isFalse();
            JsonNode remove = records.get(1);
            assertThat(remove.path("eventName").asText()).isEqualTo("REMOVE");
            assertThat(EventPayloadConformanceIT.fieldNames(remove)).containsExactly("eventID", "eventName",
                    "eventVersion", "eventSource", "awsRegion", "dynamodb", "userIdentity", "eventSourceARN");
            assertThat(remove.path("userIdentity").toString())
                    .isEqualTo("{\"type\":\"Service\",\"principalId\":\"dynamodb.amazonaws.com\"}");
        }
    }
}
