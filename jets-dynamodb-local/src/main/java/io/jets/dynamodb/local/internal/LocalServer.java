package io.jets.dynamodb.local.internal;

import io.jets.dynamodb.local.DynamoDbLocal;
import io.jets.dynamodb.local.internal.http.HttpFrontEnd;
import io.jets.dynamodb.local.internal.http.Operation;
import io.jets.dynamodb.local.internal.http.SignatureVerifier;
import io.jets.dynamodb.local.internal.ops.BackupOperations;
import io.jets.dynamodb.local.internal.ops.BatchOperations;
import io.jets.dynamodb.local.internal.ops.ContinuousBackupOperations;
import io.jets.dynamodb.local.internal.ops.ContributorInsightsOperations;
import io.jets.dynamodb.local.internal.ops.ControlOperations;
import io.jets.dynamodb.local.internal.ops.ItemOperations;
import io.jets.dynamodb.local.internal.ops.TimeToLiveReaper;
import io.jets.dynamodb.local.internal.ops.TransactionOperations;
import io.jets.dynamodb.local.internal.partiql.PartiQlOperations;
import io.jets.dynamodb.local.internal.ops.ItemWriter;
import io.jets.dynamodb.local.internal.ops.KinesisDestinationOperations;
import io.jets.dynamodb.local.internal.ops.OnlineIndexes;
import io.jets.dynamodb.local.internal.ops.QueryOperations;
import io.jets.dynamodb.local.internal.ops.ResourcePolicyOperations;
import io.jets.dynamodb.local.internal.ops.SearchVectorsOperation;
import io.jets.dynamodb.local.internal.ops.StreamOperations;
import io.jets.dynamodb.local.internal.ops.TableOperations;
import io.jets.dynamodb.local.internal.storage.Database;
import io.jets.dynamodb.local.internal.storage.ItemHistory;
import io.jets.dynamodb.local.internal.storage.ItemStore;
import io.jets.dynamodb.local.internal.stream.ShardExpiry;
import io.jets.dynamodb.local.internal.stream.ShardRollover;
import io.jets.dynamodb.local.internal.stream.StreamRecords;
import io.jets.dynamodb.local.internal.stream.StreamStore;
import io.jets.dynamodb.local.internal.table.TableCatalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The running server: the store, the operations over it and the HTTP front end. */
public final class LocalServer implements DynamoDbLocal {

    private static final String DYNAMODB = "DynamoDB_20120810.";
    private static final String STREAMS = "DynamoDBStreams_20120810.";

    private final ServerConfig config;
    private final Database database;
    private final StreamRecords records;
    private final ContinuousBackupOperations recovery;
    private final HttpFrontEnd http;
    private final ScheduledExecutorService background;
    private volatile boolean closed;

    public LocalServer(ServerConfig config) {
        this.config = config;
        this.database = config.inMemory() ? Database.inMemory() : Database.file(config.dataDirectory());
        try {
            TableCatalog catalog = new TableCatalog(database);
            ItemStore items = new ItemStore();
            StreamStore streams = new StreamStore();
            ShardRollover rollover = new ShardRollover(database, streams, config.clock(), config.shardRollover());
            ShardExpiry expiry = new ShardExpiry(streams, config.streamRetention());
            this.records = new StreamRecords(database, streams, config.clock(), rollover, expiry,
                    config.streamRetention());
            ItemHistory history = new ItemHistory();
            ItemWriter writer = new ItemWriter(database, items, records, history, config.clock());
            Map<String, Operation> operations = new HashMap<>();
            ResourcePolicyOperations policies = new ResourcePolicyOperations(database, catalog, streams,
                    config.clock());
            OnlineIndexes online = new OnlineIndexes(config.clock(), config.indexCreation());
            register(operations, new TableOperations(database, catalog, items, streams, policies, config.clock(),
                    online));
            register(operations, new ItemOperations(database, catalog, writer));
            register(operations, new QueryOperations(database, catalog, items, online));
            SearchVectorsOperation search = new SearchVectorsOperation(database, catalog, online);
            operations.put(DYNAMODB + "SearchVectors", (request, context) -> search.searchVectors(request));
            register(operations, new BatchOperations(database, catalog, writer));
            TransactionOperations transactions = new TransactionOperations(database, catalog, writer, config.clock());
            register(operations, transactions);
            register(operations, new ControlOperations(database, catalog));
            register(operations, policies);
            register(operations, new ContributorInsightsOperations(database, catalog, config.clock()));
            register(operations, new KinesisDestinationOperations(database, catalog, config.clock()));
            register(operations, new BackupOperations(database, catalog, config.clock()));
            this.recovery = new ContinuousBackupOperations(database, catalog, history, config.clock());
            register(operations, recovery);
            register(operations, new PartiQlOperations(database, catalog, items, writer, transactions,
                    online));
            register(operations, new StreamOperations(database, catalog, streams, records, rollover, expiry,
                    config.clock(), config.iteratorLifetime()));
            this.http = new HttpFrontEnd(config.bindAddress(), config.port(), operations,
                    config.signingKeys().isEmpty() ? null
                            : new SignatureVerifier(config.signingKeys(), config.clock()));
            this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "jets-dynamodb-local-background");
                thread.setDaemon(true);
                return thread;
            });
            long interval = config.ttlInterval().toMillis();
            background.scheduleWithFixedDelay(this::checkpoint, 1, 1, TimeUnit.SECONDS);
            // idle streams are trimmed too, not only those still being written
            background.scheduleWithFixedDelay(this::trimStreams, 1, 1, TimeUnit.MINUTES);
            background.scheduleWithFixedDelay(new TimeToLiveReaper(database, catalog, items, writer, config.clock()),
                    interval, interval, TimeUnit.MILLISECONDS);
        } catch (BindException e) {
            database.close();
            throw new IllegalStateException("Cannot listen on " + config.bindAddress() + ":" + config.port()
                    + ": the port is in use. Stop the other process or pick another port with --port.", e);
        } catch (IOException e) {
            database.close();
            throw new UncheckedIOException("Cannot start the server on " + config.bindAddress() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    private void trimStreams() {
        try {
            database.write(connection -> {
                records.trim(connection, config.clock().millis());
                recovery.trim(connection);
                return null;
            });
        } catch (RuntimeException e) {
            System.err.println("jets-dynamodb-local: stream trim failed: " + e.getMessage());
        }
    }

    private void checkpoint() {
        try {
            database.checkpoint();
        } catch (RuntimeException e) {
            // the next round retries; the WAL only grows meanwhile
            System.err.println("jets-dynamodb-local: " + e.getMessage());
        }
    }

    private static void register(Map<String, Operation> operations, TableOperations tables) {
        operations.put(DYNAMODB + "CreateTable", tables::createTable);
        operations.put(DYNAMODB + "DescribeTable", tables::describeTable);
        operations.put(DYNAMODB + "UpdateTable", tables::updateTable);
        operations.put(DYNAMODB + "DeleteTable", tables::deleteTable);
        operations.put(DYNAMODB + "ListTables", (request, context) -> tables.listTables(request));
    }

    private static void register(Map<String, Operation> operations, ItemOperations items) {
        operations.put(DYNAMODB + "PutItem", (request, context) -> items.putItem(request));
        operations.put(DYNAMODB + "GetItem", (request, context) -> items.getItem(request));
        operations.put(DYNAMODB + "UpdateItem", (request, context) -> items.updateItem(request));
        operations.put(DYNAMODB + "DeleteItem", (request, context) -> items.deleteItem(request));
    }

    private static void register(Map<String, Operation> operations, QueryOperations queries) {
        operations.put(DYNAMODB + "Query", (request, context) -> queries.query(request));
        operations.put(DYNAMODB + "Scan", (request, context) -> queries.scan(request));
    }

    private static void register(Map<String, Operation> operations, BatchOperations batches) {
        operations.put(DYNAMODB + "BatchGetItem", (request, context) -> batches.batchGetItem(request));
        operations.put(DYNAMODB + "BatchWriteItem", (request, context) -> batches.batchWriteItem(request));
    }

    private static void register(Map<String, Operation> operations, TransactionOperations transactions) {
        operations.put(DYNAMODB + "TransactWriteItems",
                (request, context) -> transactions.transactWriteItems(request));
        operations.put(DYNAMODB + "TransactGetItems", (request, context) -> transactions.transactGetItems(request));
    }

    private void register(Map<String, Operation> operations, ControlOperations control) {
        operations.put(DYNAMODB + "UpdateTimeToLive", (request, context) -> control.updateTimeToLive(request));
        operations.put(DYNAMODB + "DescribeTimeToLive", (request, context) -> control.describeTimeToLive(request));
        // DynamoDB answers these two with an empty body, not an empty JSON object
        operations.put(DYNAMODB + "TagResource", (request, context) -> {
            control.tagResource(request);
            return null;
        });
        operations.put(DYNAMODB + "UntagResource", (request, context) -> {
            control.untagResource(request);
            return null;
        });
        operations.put(DYNAMODB + "ListTagsOfResource", (request, context) -> control.listTagsOfResource(request));
        operations.put(DYNAMODB + "DescribeLimits", (request, context) -> control.describeLimits());
        operations.put(DYNAMODB + "DescribeEndpoints",
                (request, context) -> control.describeEndpoints(endpoint().getAuthority()));
    }

    private static void register(Map<String, Operation> operations, ResourcePolicyOperations policies) {
        operations.put(DYNAMODB + "PutResourcePolicy", policies::putResourcePolicy);
        operations.put(DYNAMODB + "GetResourcePolicy", policies::getResourcePolicy);
        operations.put(DYNAMODB + "DeleteResourcePolicy", policies::deleteResourcePolicy);
    }

    private static void register(Map<String, Operation> operations, ContributorInsightsOperations insights) {
        operations.put(DYNAMODB + "UpdateContributorInsights",
                (request, context) -> insights.updateContributorInsights(request));
        operations.put(DYNAMODB + "DescribeContributorInsights",
                (request, context) -> insights.describeContributorInsights(request));
        operations.put(DYNAMODB + "ListContributorInsights",
                (request, context) -> insights.listContributorInsights(request));
    }

    private static void register(Map<String, Operation> operations, KinesisDestinationOperations destinations) {
        operations.put(DYNAMODB + "EnableKinesisStreamingDestination",
                (request, context) -> destinations.enableKinesisStreamingDestination(request));
        operations.put(DYNAMODB + "DisableKinesisStreamingDestination",
                (request, context) -> destinations.disableKinesisStreamingDestination(request));
        operations.put(DYNAMODB + "UpdateKinesisStreamingDestination",
                (request, context) -> destinations.updateKinesisStreamingDestination(request));
        operations.put(DYNAMODB + "DescribeKinesisStreamingDestination",
                (request, context) -> destinations.describeKinesisStreamingDestination(request));
    }

    private static void register(Map<String, Operation> operations, ContinuousBackupOperations continuous) {
        operations.put(DYNAMODB + "DescribeContinuousBackups",
                (request, context) -> continuous.describeContinuousBackups(request));
        operations.put(DYNAMODB + "UpdateContinuousBackups",
                (request, context) -> continuous.updateContinuousBackups(request));
        operations.put(DYNAMODB + "RestoreTableToPointInTime", continuous::restoreTableToPointInTime);
    }

    private static void register(Map<String, Operation> operations, BackupOperations backups) {
        operations.put(DYNAMODB + "CreateBackup", backups::createBackup);
        operations.put(DYNAMODB + "DescribeBackup", (request, context) -> backups.describeBackup(request));
        operations.put(DYNAMODB + "ListBackups", (request, context) -> backups.listBackups(request));
        operations.put(DYNAMODB + "DeleteBackup", (request, context) -> backups.deleteBackup(request));
        operations.put(DYNAMODB + "RestoreTableFromBackup", backups::restoreTableFromBackup);
    }

    private static void register(Map<String, Operation> operations, PartiQlOperations partiQl) {
        operations.put(DYNAMODB + "ExecuteStatement", (request, context) -> partiQl.executeStatement(request));
        operations.put(DYNAMODB + "BatchExecuteStatement",
                (request, context) -> partiQl.batchExecuteStatement(request));
        operations.put(DYNAMODB + "ExecuteTransaction", (request, context) -> partiQl.executeTransaction(request));
    }

    private static void register(Map<String, Operation> operations, StreamOperations streams) {
        operations.put(STREAMS + "ListStreams", (request, context) -> streams.listStreams(request));
        operations.put(STREAMS + "DescribeStream", (request, context) -> streams.describeStream(request));
        operations.put(STREAMS + "GetShardIterator", (request, context) -> streams.getShardIterator(request));
        operations.put(STREAMS + "GetRecords", (request, context) -> streams.getRecords(request));
    }

    @Override
    public int port() {
        return http.port();
    }

    @Override
    public URI endpoint() {
        String host = config.bindAddress().equals("0.0.0.0") ? "127.0.0.1" : config.bindAddress();
        return URI.create("http://" + host + ":" + port());
    }

    @Override
    public Answer call(String target, byte[] body) {
        if (closed) {
            throw new IllegalStateException("The server at " + endpoint() + " is closed");
        }
        HttpFrontEnd.Answer answer = http.answer(target, body);
        return new Answer(answer.status(), answer.body());
    }

    @Override
    public void addStreamListener(Runnable listener) {
        records.addListener(listener);
    }

    @Override
    public void close() {
        closed = true;
        background.shutdownNow();
        try {
            background.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        http.close();
        database.close();
    }
}
