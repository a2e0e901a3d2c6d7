package io.jets.deploy.streams;

import java.net.URI;
import java.util.Optional;

/**
 * The AWS CLI commands of the seed page, for error messages that say exactly what to run; against the local
 * server ({@code --endpoint-url}) the commands carry the endpoint, or they would create the table on AWS.
 */
public final class TableCommands {

    private TableCommands() {
    }

    public static String createTable(String table) {
        return createTable(table, Optional.empty());
    }

    public static String createTable(String table, Optional<URI> endpoint) {
        return "aws dynamodb create-table" + endpointOption(endpoint) + " --table-name " + table
                + " --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH"
                + " --billing-mode PAY_PER_REQUEST"
                + " --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES";
    }

    public static String enableStream(String table) {
        return enableStream(table, Optional.empty());
    }

    public static String enableStream(String table, Optional<URI> endpoint) {
        return "aws dynamodb update-table" + endpointOption(endpoint) + " --table-name " + table
                + " --stream-specification \"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"";
    }

    private static String endpointOption(Optional<URI> endpoint) {
        return endpoint.map(uri -> " --endpoint-url " + uri).orElse("");
    }
}
