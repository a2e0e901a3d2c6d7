package io.jets.deploy.streams;

/** The AWS CLI commands of the seed page, for error messages that say exactly what to run. */
public final class TableCommands {

    private TableCommands() {
    }

    public static String createTable(String table) {
        return "aws dynamodb create-table --table-name " + table
                + " --attribute-definitions AttributeName=id,AttributeType=S --key-schema AttributeName=id,KeyType=HASH"
                + " --billing-mode PAY_PER_REQUEST"
                + " --stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES";
    }

    public static String enableStream(String table) {
        return "aws dynamodb update-table --table-name " + table
                + " --stream-specification \"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"";
    }
}
