package io.jets.cli.deploy;

import io.jets.deploy.aws.AwsSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --profile}, {@code --region}, {@code --endpoint-url}: the AWS options every deploy command takes. */
public final class AwsOptions {

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (default: the default provider chain).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (default: AWS_REGION or the profile's).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL",
            description = "Send AWS calls here, e.g. http://localhost:8000 for the local server "
                    + "(also AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_DYNAMODB).")
    URI endpointUrl;

    AwsSettings settings(Map<String, String> environment) {
        return new AwsSettings(Optional.ofNullable(profile), Optional.ofNullable(region),
                Optional.ofNullable(endpointUrl), environment);
    }

    /** Whether every call goes to one non-AWS endpoint (the local server), which has no Lambda or CloudWatch. */
    boolean localEndpoint(Map<String, String> environment) {
        return endpointUrl != null || environment.containsKey("AWS_ENDPOINT_URL");
    }
}
