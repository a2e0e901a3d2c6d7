package io.jets.runtime.local.internal;

import java.net.URI;

/** The status lines a mapping prints, with the exact commands that unblock it. */
final class Commands {

    private Commands() {
    }

    static String waitingForTable(String function, String table, URI endpoint) {
        return function + ": waiting for table " + table + ". Create it with: aws dynamodb create-table"
                + " --endpoint-url " + endpoint + " --table-name " + table
                + " --attribute-definitions AttributeName=id,AttributeType=S"
                + " --key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST";
    }

    static String waitingForStream(String function, String table, URI endpoint) {
        return function + ": waiting for the stream of table " + table + ". Enable it with: aws dynamodb update-table"
                + " --endpoint-url " + endpoint + " --table-name " + table
                + " --stream-specification \"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"";
    }

    static String waitingForPinnedStream(String function, String streamArn, URI endpoint) {
        return function + ": waiting for stream " + streamArn + ": it does not exist on " + endpoint + ", whose streams"
                + " get ARNs of their own. To run this function under jets dev, name its table in @DynamoDbTrigger"
                + " instead of a stream ARN.";
    }

    static String streamChanged(String function, String table, String newStreamArn) {
        return function + ": table " + table + " has a new stream " + newStreamArn + " (its stream was enabled"
                + " again, or the table created again); following it here. On AWS the deployed mapping keeps reading"
                + " the old stream until you redeploy (jets deploy).";
    }
}
