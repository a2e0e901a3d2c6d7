package io.jets.deploy.stack;

import static org.assertj.core.api.Assertions.assertThat;

import io.jets.core.config.ProjectConfig;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.stub.AwsStub;
import io.jets.deploy.stub.CloudFormationXml;
import io.jets.deploy.stub.StubAws;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeployedNamesTest {

    private static final ProjectConfig CONFIG = new ProjectConfig("demo", "dev", "demo-dev", "_", Map.of());

    @Test
    void read_takesNamesFromStackOutputsAndFallsBackToTheNamespacedName() throws Exception {
        try (AwsStub stub = new AwsStub(); AwsClients aws = StubAws.clients(stub)) {
            stub.on("cloudformation:DescribeStacks", CloudFormationXml.stack("demo-dev", "UPDATE_COMPLETE",
                    "ReconciliationReportRebuildName", "demo-dev-ReconciliationReportRebuil-1A2B3C4D5E6F"));

            var names = DeployedNames.read(aws.cloudFormation(), CONFIG);

            assertThat(names.apply("reconciliation_report-rebuild"))
                    .isEqualTo("demo-dev-ReconciliationReportRebuil-1A2B3C4D5E6F");
            assertThat(names.apply("clerk_event-file")).isEqualTo("demo-dev-clerk_event-file");
        }
    }

    @Test
    void read_withoutAStack_usesTheNamespacedNames() throws Exception {
        try (AwsStub stub = new AwsStub(); AwsClients aws = StubAws.clients(stub)) {
            stub.on("cloudformation:DescribeStacks", CloudFormationXml.missingStack("demo-dev"));

            assertThat(DeployedNames.read(aws.cloudFormation(), CONFIG).apply("clerk_event-file"))
                    .isEqualTo("demo-dev-clerk_event-file");
        }
    }
}
