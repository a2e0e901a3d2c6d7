package io.jets.dynamodb.local.internal.table;

/**
 * Table settings that change nothing about how items are stored or read here, but that DynamoDB reports back:
 * point-in-time recovery, the backup a table was restored from and the KMS key encrypting it.
 *
 * @param recoveryPeriodInDays  the point-in-time recovery period while recovery is on, 0 while it is off
 * @param recoveryEnabledMillis when point-in-time recovery was last turned on
 * @param restore               the backup the table was restored from, null for a table created empty
 * @param kmsMasterKeyArn       the KMS key of server-side encryption, null while the AWS owned key is used
 */
public record TableOptions(int recoveryPeriodInDays, long recoveryEnabledMillis, Restore restore,
                           String kmsMasterKeyArn) {

    public static final TableOptions DEFAULT = new TableOptions(0, 0, null, null);

    /** Where a restored table came from, which DescribeTable reports as its RestoreSummary. */
    public record Restore(String sourceBackupArn, String sourceTableArn, long restoredMillis) {
    }

    public TableOptions withRecovery(int periodInDays, long enabledMillis) {
        return new TableOptions(periodInDays, enabledMillis, restore, kmsMasterKeyArn);
    }

    public TableOptions withRestore(Restore from) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, from, kmsMasterKeyArn);
    }

    public TableOptions withKmsMasterKeyArn(String arn) {
        return new TableOptions(recoveryPeriodInDays, recoveryEnabledMillis, restore, arn);
    }
}
