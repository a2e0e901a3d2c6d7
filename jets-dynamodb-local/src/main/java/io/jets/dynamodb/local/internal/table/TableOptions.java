package io.jets.dynamodb.local.internal.table;

/**
 * Table settings that change nothing about how items are stored or read here, but that DynamoDB reports back:
 * point-in-time recovery, the backup a table was restored from, the KMS key encrypting it, when its billing
 * mode and table class were last changed, its warm throughput and its on-demand throughput ceiling.
 *
 * @param recoveryPeriodInDays    the point-in-time recovery period while recovery is on, 0 while it is off
 * @param recoveryEnabledMillis   when point-in-time recovery was last turned on
 * @param restore                 the backup the table was restored from, null for a table created empty
 * @param kmsMasterKeyArn         the KMS key of server-side encryption, null while the AWS owned key is used
 * @param payPerRequestMillis     when UpdateTable last switched the table to PAY_PER_REQUEST, 0 if it never did (a
 *                                table created on demand has been on demand since its creation)
 * @param tableClassUpdatedMillis when UpdateTable last changed the table class, 0 if it never did
 * @param warmReadUnits           the highest warm read throughput the table was given or reached, 0 while it only
 *                                has what its billing mode gives it
 * @param warmWriteUnits          the same for writes
 * @param maxReadRequestUnits     the on-demand read ceiling (OnDemandThroughput), -1 once removed, 0 if never set
 * @param maxWriteRequestUnits    the same for writes
 * @param indexBuild              the last index UpdateTable added to the table, and when: it is built online until
 *                                the server's index creation times have passed; null if none was ever added
 */
public record TableOptions(int recoveryPeriodInDays, long recoveryEnabledMillis, Restore restore,
                           String kmsMasterKeyArn, long payPerRequestMillis, long tableClassUpdatedMillis,
                           long warmReadUnits, long warmWriteUnits, long maxReadRequestUnits,
                           long maxWriteRequestUnits, IndexBuild indexBuild) {

    public static final TableOptions DEFAULT = new TableOptions(0, 0, null, null, 0, 0, 0, 0, 0, 0, null);

    /** An index added by UpdateTable: its name (global or vector) and when the UpdateTable call was made. */
    public record IndexBuild(String indexName, long startedMillis) {
    }

    /** Where a restored table came from, which DescribeTable reports as its RestoreSummary. */
    public record Restore(String sourceBackupArn, String sourceTableArn, long restoredMillis) {
    }

    public TableOptions withRecovery(int periodInDays, long enabledMillis) {
        return new TableOptions(periodInDays, enabledMillis, restore, kmsMasterKeyArn, payPerRequestMillis,
                tableClassUpdatedMillis, warmReadUnits, warmWriteUnits, maxReadRequestUnits,
                maxWriteRequestUnits, indexBuild);
    }

    public TableOptions withRestore(Restore from) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, from, kmsMasterKeyArn,
                payPerRequestMillis, tableClassUpdatedMillis, warmReadUnits, warmWriteUnits, maxReadRequestUnits,
                maxWriteRequestUnits, indexBuild);
    }

    public TableOptions withKmsMasterKeyArn(String arn) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, restore, arn, payPerRequestMillis,
                tableClassUpdatedMillis, warmReadUnits, warmWriteUnits, maxReadRequestUnits,
                maxWriteRequestUnits, indexBuild);
    }

    public TableOptions withPayPerRequestSince(long millis) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, restore, kmsMasterKeyArn, millis,
                tableClassUpdatedMillis, warmReadUnits, warmWriteUnits, maxReadRequestUnits,
                maxWriteRequestUnits, indexBuild);
    }

    public TableOptions withTableClassUpdated(long millis) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, restore, kmsMasterKeyArn,
                payPerRequestMillis, millis, warmReadUnits, warmWriteUnits, maxReadRequestUnits,
                maxWriteRequestUnits, indexBuild);
    }

    public TableOptions withWarmThroughput(long readUnits, long writeUnits) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, restore, kmsMasterKeyArn,
                payPerRequestMillis, tableClassUpdatedMillis, readUnits, writeUnits, maxReadRequestUnits,
                maxWriteRequestUnits, indexBuild);
    }

    public TableOptions withOnDemandThroughput(long maxReadUnits, long maxWriteUnits) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, restore, kmsMasterKeyArn,
                payPerRequestMillis, tableClassUpdatedMillis, warmReadUnits, warmWriteUnits, maxReadUnits,
                maxWriteUnits, indexBuild);
    }

    public TableOptions withIndexBuild(IndexBuild build) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, restore, kmsMasterKeyArn,
                payPerRequestMillis, tableClassUpdatedMillis, warmReadUnits, warmWriteUnits, maxReadRequestUnits,
                maxWriteRequestUnits, build);
    }
}
