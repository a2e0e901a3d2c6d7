package io.jets.deploy.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jets.deploy.DeployException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AwsSettingsTest {

    @Test
    void endpointFor_prefersFlagThenServiceVariableThenGeneralVariable() {
        Map<String, String> env = Map.of("AWS_ENDPOINT_URL", "http://localhost:4566",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://localhost:8000");

        AwsSettings fromEnvironment = new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), env);
        AwsSettings fromFlag = new AwsSettings(Optional.empty(), Optional.empty(),
                Optional.of(URI.create("http://127.0.0.1:9000")), env);

        assertThat(fromEnvironment.endpointFor("DYNAMODB")).contains(URI.create("http://localhost:8000"));
        assertThat(fromEnvironment.endpointFor("CLOUDFORMATION")).contains(URI.create("http://localhost:4566"));
        assertThat(fromFlag.endpointFor("DYNAMODB")).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), Map.of())
                .endpointFor("DYNAMODB")).isEmpty();
    }

    @Test
    void region_fromFlagOrEnvironment() {
        AwsSettings flag = new AwsSettings(Optional.empty(), Optional.of("eu-west-1"), Optional.empty(),
                Map.of("AWS_REGION", "us-east-2"));
        AwsSettings env = new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(),
                Map.of("AWS_REGION", "us-east-2"));

        try (AwsClients a = AwsClients.create(flag); AwsClients b = AwsClients.create(env)) {
            assertThat(a.region().id()).isEqualTo("eu-west-1");
            assertThat(b.region().id()).isEqualTo("us-east-2");
        }
    }

    @Test
    void region_missingEverywhere_failsSayingHowToSetIt() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_REGION") == null
                && System.getenv("AWS_DEFAULT_REGION") == null && System.getProperty("aws.region") == null,
                "the machine itself has a region");
        // A profile that exists nowhere has no region, whatever the machine's configuration.
        AwsSettings none = new AwsSettings(Optional.of("jets-test-profile-that-does-not-exist"), Optional.empty(),
                Optional.empty(), Map.of());

        try (AwsClients aws = AwsClients.create(none)) {
            assertThatThrownBy(aws::region)
                    .isExactlyInstanceOf(DeployException.class)
                    .hasMessage("No AWS region configured: pass --region, set AWS_REGION, or add region to your "
                            + "profile in ~/.aws/config");
        }
    }

    @Test
    void credentials_missingForAProfile_failsSayingHowToConfigureThem() {
        org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("AWS_ACCESS_KEY_ID") == null
                && System.getProperty("aws.accessKeyId") == null, "the machine itself has credentials");
        AwsSettings settings = new AwsSettings(Optional.of("jets-test-profile-that-does-not-exist"),
                Optional.of("us-west-2"), Optional.empty(), Map.of());

        try (AwsClients aws = AwsClients.create(settings)) {
            assertThatThrownBy(aws::dynamoDb)
                    .isExactlyInstanceOf(DeployException.class)
                    .hasMessage("No AWS credentials for profile jets-test-profile-that-does-not-exist: run aws "
                            + "configure --profile jets-test-profile-that-does-not-exist");
        }
    }
}
