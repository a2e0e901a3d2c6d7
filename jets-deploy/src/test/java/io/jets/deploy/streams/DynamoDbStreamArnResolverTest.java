package io.jets.deploy.streams;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.core.config.ProjectConfig;
import io.jets.core.index.TriggerDefinition;
import io.jets.deploy.DeployException;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.stub.AwsStub;
import io.jets.deploy.stub.AwsStub.Response;
import io.jets.deploy.stub.StubAws;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DynamoDbStreamArnResolverTest {

    private static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());
    private static final String ARN =
            "arn:aws:dynamodb:us-west-2:112233445566:table/demo-dev_test-table/stream/2024-02-11T15:44:30.751";

    private AwsStub stub;
    private AwsClients aws;
    private DynamoDbStreamArnResolver resolver;

    @BeforeEach
    void start() throws Exception {
        stub = new AwsStub();
        aws = StubAws.clients(stub);
        resolver = new DynamoDbStreamArnResolver(aws.dynamoDb(), CONFIG);
    }

    @AfterEach
    void stop() {
        aws.close();
        stub.close();
    }

    @Test
    void streamArn_ofTableName_describesTheNamespacedTableOnce() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream("demo-dev_test-table", ARN)));

        assertThat(resolver.streamArn(TriggerDefinition.withDefaults("test-table"))).isEqualTo(ARN);
        assertThat(resolver.streamArn(TriggerDefinition.withDefaults("test-table"))).isEqualTo(ARN);

        assertThat(stub.requests("dynamodb:DescribeTable")).hasSize(1);
        assertThat(stub.requests("dynamodb:DescribeTable").get(0).bodyText())
                .isEqualTo("{\"TableName\":\"demo-dev_test-table\"}");
    }

    @Test
    void streamArn_ofExplicitArn_isReturnedAsGivenWithoutCallingAws() {
        String explicit = "arn:aws:dynamodb:us-west-2:112233445566:table/test-table/stream/2019-02-15T23:01:06.871";

        assertThat(resolver.streamArn(TriggerDefinition.withDefaults(explicit))).isEqualTo(explicit);
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void streamArn_ofMissingTable_failsWithTheCreateTableCommand() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDbError("ResourceNotFoundException",
                "Requested resource not found: Table: demo-dev_test-table not found"));

        assertThatThrownBy(() -> resolver.streamArn(TriggerDefinition.withDefaults("test-table")))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Table demo-dev_test-table does not exist. Create it with: aws dynamodb create-table "
                        + "--table-name demo-dev_test-table --attribute-definitions AttributeName=id,AttributeType=S "
                        + "--key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST "
                        + "--stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
    }

    @Test
    void streamArn_ofTableWithoutStream_failsWithTheSeedsUpdateTableCommand() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithoutStream("demo-dev_test-table")));

        assertThatThrownBy(() -> resolver.streamArn(TriggerDefinition.withDefaults("test-table")))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Table demo-dev_test-table has no stream. Enable it with: aws dynamodb update-table "
                        + "--table-name demo-dev_test-table --stream-specification "
                        + "\"StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES\"");
    }

    @Test
    void streamArn_againstTheLocalServer_failsWithACommandForTheLocalServer() {
        DynamoDbStreamArnResolver local = new DynamoDbStreamArnResolver(aws.dynamoDb(), CONFIG,
                Optional.of(URI.create("http://127.0.0.1:8000")));
        stub.on("dynamodb:DescribeTable", Response.dynamoDbError("ResourceNotFoundException",
                "Requested resource not found: Table: demo-dev_test-table not found"));

        assertThatThrownBy(() -> local.streamArn(TriggerDefinition.withDefaults("test-table")))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessage("Table demo-dev_test-table does not exist. Create it with: aws dynamodb create-table "
                        + "--endpoint-url http://127.0.0.1:8000 --table-name demo-dev_test-table "
                        + "--attribute-definitions AttributeName=id,AttributeType=S "
                        + "--key-schema AttributeName=id,KeyType=HASH --billing-mode PAY_PER_REQUEST "
                        + "--stream-specification StreamEnabled=true,StreamViewType=NEW_AND_OLD_IMAGES");
    }

    @Test
    void streamArn_ofTableWithDisabledStream_failsEvenThoughALatestArnIsStillListed() {
        stub.on("dynamodb:DescribeTable", Response.dynamoDb(StubAws.tableWithStream("demo-dev_test-table", ARN)
                .replace("\"StreamEnabled\":true", "\"StreamEnabled\":false")));

        assertThatThrownBy(() -> resolver.streamArn(TriggerDefinition.withDefaults("test-table")))
                .isExactlyInstanceOf(DeployException.class)
                .hasMessageStartingWith("Table demo-dev_test-table has no stream. Enable it with:");
    }
}
