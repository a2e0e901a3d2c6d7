package io.jets.dynamodb.local.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.dynamodbv2.streamsadapter.AmazonDynamoDBStreamsAdapterClient;
import com.amazonaws.services.dynamodbv2.streamsadapter.StreamsSchedulerFactory;
import com.amazonaws.services.dynamodbv2.streamsadapter.model.DynamoDBStreamsProcessRecordsInput;
import com.amazonaws.services.dynamodbv2.streamsadapter.polling.DynamoDBStreamsPollingConfig;
import com.amazonaws.services.dynamodbv2.streamsadapter.processor.DynamoDBStreamsShardRecordProcessor;
import io.jets.dynamodb.local.LocalServer;
import io.jets.dynamodb.local.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.OperationType;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;
import software.amazon.awssdk.services.dynamodb.model.Tag;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.kinesis.common.ConfigsBuilder;
import software.amazon.kinesis.common.InitialPositionInStream;
import software.amazon.kinesis.common.InitialPositionInStreamExtended;
import software.amazon.kinesis.coordinator.CoordinatorConfig.ClientVersionConfig;
import software.amazon.kinesis.coordinator.Scheduler;
import software.amazon.kinesis.leases.LeaseManagementConfig;
import software.amazon.kinesis.lifecycle.events.InitializationInput;
import software.amazon.kinesis.lifecycle.events.LeaseLostInput;
import software.amazon.kinesis.lifecycle.events.ShardEndedInput;
import software.amazon.kinesis.lifecycle.events.ShutdownRequestedInput;
import software.amazon.kinesis.metrics.MetricsLevel;
import software.amazon.kinesis.metrics.NullMetricsFactory;
import software.amazon.kinesis.retrieval.RetrievalConfig;

/**
 * The Kinesis Client Library (KCL 3) reading a table's stream through the DynamoDB Streams Kinesis Adapter, as Java
 * teams consume streams outside Lambda. KCL keeps its leases in tables it creates on our server (conditional
 * writes, scans, UpdateItem with ADD, a GSI) and walks the stream with DescribeStream, GetShardIterator and
 * GetRecords; CloudWatch is pointed at our server too and must never be called.
 *
 * @see <a href="https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/Streams.KCLAdapter.html">Using
 *     the DynamoDB Streams Kinesis adapter to process stream records</a>
 */
class KinesisClientLibraryIT {

    private static final String TABLE = "kcl-orders";
    private static final String APPLICATION = "kcl-orders-reader";
    private static final AwsCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("dummy", "dummy"));

    private static final Duration ROLLOVER = Duration.ofHours(1);
    private static final MutableClock clock = MutableClock.ticking();

    @RegisterExtension
    static final LocalServer local = LocalServer.start(b -> b.clock(clock).shardRollover(ROLLOVER)
            .iteratorLifetime(ROLLOVER.multipliedBy(2)));
    private static final DynamoDbClient client = local.dynamoDb();
    private static final AtomicInteger cloudWatchCalls = new AtomicInteger();
    private static final DynamoDbAsyncClient leaseClient = DynamoDbAsyncClient.builder()
            .endpointOverride(local.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
    private static final DynamoDbStreamsClient streamsClient = DynamoDbStreamsClient.builder()
            .endpointOverride(local.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS).build();
    private static final CloudWatchAsyncClient cloudWatch = CloudWatchAsyncClient.builder()
            .endpointOverride(local.endpoint()).region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
            .overrideConfiguration(o -> o.addExecutionInterceptor(new ExecutionInterceptor() {
                @Override
                public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                    cloudWatchCalls.incrementAndGet();
                }
            }))
            .build();

    private static final List<Scheduler> started = new CopyOnWriteArrayList<>();

    @AfterAll
    static void stopWorkersAndCloseClients() {
        // a worker left running by a failed assertion stops before the clients it calls are closed
        for (Scheduler scheduler : started) {
            if (!scheduler.hasGracefulShutdownStarted()) {
                scheduler.shutdown();
            }
        }
        cloudWatch.close();
        streamsClient.close();
        leaseClient.close();
    }

    /** What one worker's record processor saw, in delivery order. */
    record Delivery(String worker, Record record) {
        String id() {
            return record.dynamodb().keys().get("id").s();
        }
    }

    @Test
    void scheduler_deliversEveryChangeOnceInOrder_acrossShards_andASecondWorkerResumesAfterTheCheckpoint()
            throws Exception {
        String streamArn = createTableWithStream();
        put("order-1", "placed", 1);
        put("order-2", "placed", 1);
        put("order-1", "paid", 2);
        put("order-3", "placed", 1);
        client.deleteItem(b -> b.tableName(TABLE).key(Map.of("id", s("order-2"))));
        put("order-3", "paid", 2);
        List<Delivery> deliveries = new CopyOnWriteArrayList<>();

        Scheduler first = start(streamArn, "worker-a", deliveries);
        await().atMost(Duration.ofSeconds(60)).until(() -> deliveries.size() >= 6);
        await().atMost(Duration.ofSeconds(10)).until(() -> leases().values().contains(sequenceNumber(deliveries, 5)));

        // The next write rolls the shard over: the worker finishes the parent, then reads its child.
        clock.advance(ROLLOVER);
        put("order-1", "shipped", 3);
        client.deleteItem(b -> b.tableName(TABLE).key(Map.of("id", s("order-3"))));
        await().atMost(Duration.ofSeconds(20)).until(() -> deliveries.size() >= 8);
        await().atMost(Duration.ofSeconds(10)).until(() -> leases().values().contains(sequenceNumber(deliveries, 7)));
        assertThat(first.startGracefulShutdown().get(30, TimeUnit.SECONDS)).isTrue();
        List<Shard> shards = streamsClient.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards();
        assertThat(shards).hasSize(2);
        assertThat(shards.get(1).parentShardId()).isEqualTo(shards.get(0).shardId());
        assertThat(leases()).containsEntry(shards.get(0).shardId(), "SHARD_END")
                .containsEntry(shards.get(1).shardId(), sequenceNumber(deliveries, 7));
        // the worker that ended the parent asked for its children only (DescribeStream's CHILD_SHARDS filter)
        assertThat(client.getItem(b -> b.tableName(APPLICATION).consistentRead(true)
                .key(Map.of("leaseKey", s(shards.get(0).shardId())))).item().get("childShardIds").ss())
                .containsExactly(shards.get(1).shardId());

        put("order-4", "placed", 1);
        Scheduler second = start(streamArn, "worker-b", deliveries);
        await().atMost(Duration.ofSeconds(30)).until(() -> deliveries.size() >= 9);
        Thread.sleep(1_000); // a re-delivery would arrive in the second worker's first pages
        assertThat(leases()).containsEntry(shards.get(1).shardId(), sequenceNumber(deliveries, 8));

        // Disabling the stream closes its last shard: the worker ends it, finding no children, and stops there.
        client.updateTable(b -> b.tableName(TABLE).streamSpecification(s -> s.streamEnabled(false)));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> "SHARD_END".equals(leases().get(shards.get(1).shardId())));
        assertThat(second.startGracefulShutdown().get(30, TimeUnit.SECONDS)).isTrue();
        assertThat(leases()).containsOnlyKeys(shards.get(0).shardId(), shards.get(1).shardId());

        assertThat(deliveries).extracting(Delivery::worker).containsExactly("worker-a", "worker-a", "worker-a",
                "worker-a", "worker-a", "worker-a", "worker-a", "worker-a", "worker-b");
        assertThat(deliveries).extracting(d -> d.id() + " " + d.record().eventName()).containsExactly(
                "order-1 INSERT", "order-2 INSERT", "order-1 MODIFY", "order-3 INSERT", "order-2 REMOVE",
                "order-3 MODIFY", "order-1 MODIFY", "order-3 REMOVE", "order-4 INSERT");
        assertThat(deliveries).extracting(d -> d.record().dynamodb().sequenceNumber()).doesNotHaveDuplicates();
        Record paid = deliveries.get(2).record();
        assertThat(paid.eventName()).isEqualTo(OperationType.MODIFY);
        assertThat(paid.dynamodb().oldImage()).isEqualTo(item("order-1", "placed", 1));
        assertThat(paid.dynamodb().newImage()).isEqualTo(item("order-1", "paid", 2));
        assertThat(paid.dynamodb().streamViewType()).isEqualTo(StreamViewType.NEW_AND_OLD_IMAGES);
        Record shipped = deliveries.get(6).record();
        assertThat(shipped.dynamodb().oldImage()).isEqualTo(item("order-1", "paid", 2));
        assertThat(shipped.dynamodb().newImage()).isEqualTo(item("order-1", "shipped", 3));
        Record removed = deliveries.get(7).record();
        assertThat(removed.dynamodb().oldImage()).isEqualTo(item("order-3", "paid", 2));
        assertThat(removed.dynamodb().newImage()).isEmpty();
        assertThat(deliveries.get(8).record().dynamodb().newImage()).isEqualTo(item("order-4", "placed", 1));
        assertThat(deliveries.get(8).record().dynamodb().oldImage()).isEmpty();
        assertThat(cloudWatchCalls).hasValue(0);
        // the lease table as KCL configured it: point-in-time recovery on, tagged
        assertThat(client.describeContinuousBackups(b -> b.tableName(APPLICATION)).continuousBackupsDescription()
                .pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        String leaseTableArn = client.describeTable(b -> b.tableName(APPLICATION)).table().tableArn();
        assertThat(client.listTagsOfResource(b -> b.resourceArn(leaseTableArn)).tags())
                .containsExactly(Tag.builder().key("team").value("orders").build());
    }

    private static Scheduler start(String streamArn, String worker, List<Delivery> deliveries) {
        Scheduler scheduler = scheduler(streamArn, worker, deliveries);
        started.add(scheduler);
        new Thread(scheduler, "kcl-" + worker).start();
        return scheduler;
    }

    /** A worker tuned to act within a second or two: lease failover, assignment, polling and metrics reporting. */
    private static Scheduler scheduler(String streamArn, String worker, List<Delivery> deliveries) {
        AmazonDynamoDBStreamsAdapterClient adapter = new AmazonDynamoDBStreamsAdapterClient(streamsClient,
                Region.US_EAST_1);
        ConfigsBuilder configs = new ConfigsBuilder(
                StreamsSchedulerFactory.createSingleStreamTracker(streamArn,
                        InitialPositionInStreamExtended.newInitialPosition(InitialPositionInStream.TRIM_HORIZON)),
                APPLICATION, adapter, leaseClient, cloudWatch, worker, () -> new Processor(worker, deliveries));
        RetrievalConfig retrieval = configs.retrievalConfig()
                .retrievalSpecificConfig(new DynamoDBStreamsPollingConfig(streamArn, adapter)
                        .idleTimeBetweenReadsInMillis(200));
        LeaseManagementConfig leases = configs.leaseManagementConfig()
                .failoverTimeMillis(1_000)
                .shardSyncIntervalMillis(1_000)
                .leaseTablePitrEnabled(true)
                .tags(List.of(Tag.builder().key("team").value("orders").build()));
        leases.workerUtilizationAwareAssignmentConfig()
                .workerMetricsReporterFreqInMillis(500)
                .inMemoryWorkerMetricsCaptureFrequencyMillis(100);
        return StreamsSchedulerFactory.createScheduler(
                configs.checkpointConfig(),
                configs.coordinatorConfig()
                        .clientVersionConfig(ClientVersionConfig.CLIENT_VERSION_CONFIG_3X)
                        .parentShardPollIntervalMillis(200)
                        .shardConsumerDispatchPollIntervalMillis(100)
                        .schedulerInitializationBackoffTimeMillis(200),
                leases,
                configs.lifecycleConfig().taskBackoffTimeMillis(200),
                configs.metricsConfig().metricsLevel(MetricsLevel.NONE).metricsFactory(new NullMetricsFactory()),
                configs.processorConfig(),
                retrieval,
                adapter);
    }

    /** Checkpoints every page it is handed, so a worker that takes the lease over starts after it. */
    private record Processor(String worker, List<Delivery> deliveries) implements DynamoDBStreamsShardRecordProcessor {

        @Override
        public void initialize(InitializationInput input) {
        }

        @Override
        public void processRecords(DynamoDBStreamsProcessRecordsInput input) {
            input.records().forEach(r -> deliveries.add(new Delivery(worker, r.getRecord())));
            try {
                input.checkpointer().checkpoint();
            } catch (Exception e) {
                throw new IllegalStateException("checkpoint failed", e);
            }
        }

        @Override
        public void leaseLost(LeaseLostInput input) {
        }

        @Override
        public void shardEnded(ShardEndedInput input) {
            try {
                input.checkpointer().checkpoint();
            } catch (Exception e) {
                throw new IllegalStateException("checkpoint at shard end failed", e);
            }
        }

        @Override
        public void shutdownRequested(ShutdownRequestedInput input) {
            try {
                input.checkpointer().checkpoint();
            } catch (Exception e) {
                throw new IllegalStateException("checkpoint at shutdown failed", e);
            }
        }
    }

    /** Each lease's checkpoint, by lease key (the shard id). */
    private static Map<String, String> leases() {
        Map<String, String> checkpoints = new TreeMap<>();
        client.scan(b -> b.tableName(APPLICATION).consistentRead(true)).items().forEach(lease -> {
            checkpoints.put(lease.get("leaseKey").s(), lease.get("checkpoint").s());
        });
        return checkpoints;
    }

    private static String sequenceNumber(List<Delivery> deliveries, int index) {
        return deliveries.get(index).record().dynamodb().sequenceNumber();
    }

    private static String createTableWithStream() {
        return client.createTable(b -> b.tableName(TABLE)
                .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                        .attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_AND_OLD_IMAGES)))
                .tableDescription().latestStreamArn();
    }

    private static void put(String id, String status, int version) {
        client.putItem(b -> b.tableName(TABLE).item(item(id, status, version)));
    }

    private static Map<String, AttributeValue> item(String id, String status, int version) {
        return Map.of("id", s(id), "status", s(status), "version", AttributeValue.fromN(Integer.toString(version)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
