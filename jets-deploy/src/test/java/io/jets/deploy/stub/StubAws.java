package io.jets.deploy.stub;

import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.aws.AwsSettings;
import java.util.Map;
import java.util.Optional;

/** Clients pointed at an {@link AwsStub}, with fixed credentials and region so no test reads the machine's. */
public final class StubAws {

    private StubAws() {
    }

    public static AwsClients clients(AwsStub stub) {
        return AwsClients.create(new AwsSettings(Optional.empty(), Optional.of("us-west-2"),
                Optional.of(stub.endpoint()), Map.of("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")));
    }

    /** A DescribeTable answer for an active table with a NEW_AND_OLD_IMAGES stream. */
    public static String tableWithStream(String table, String streamArn) {
        return "{\"Table\":{\"TableName\":\"" + table + "\",\"TableStatus\":\"ACTIVE\","
                + "\"TableArn\":\"arn:aws:dynamodb:us-west-2:112233445566:table/" + table + "\","
                + "\"StreamSpecification\":{\"StreamEnabled\":true,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
                + "\"LatestStreamArn\":\"" + streamArn + "\",\"LatestStreamLabel\":\""
                + streamArn.substring(streamArn.lastIndexOf('/') + 1) + "\"}}";
    }

    /** A DescribeTable answer for a table whose stream was never enabled. */
    public static String tableWithoutStream(String table) {
        return "{\"Table\":{\"TableName\":\"" + table + "\",\"TableStatus\":\"ACTIVE\","
                + "\"TableArn\":\"arn:aws:dynamodb:us-west-2:112233445566:table/" + table + "\"}}";
    }
}
