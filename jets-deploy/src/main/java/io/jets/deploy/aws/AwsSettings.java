package io.jets.deploy.aws;

import java.net.URI;
import java.util.Map;
import java.util.Optional;

/**
 * Where and as whom to call AWS: the CLI's {@code --profile}, {@code --region} and {@code --endpoint-url}, and
 * the process environment (for {@code AWS_ENDPOINT_URL} and {@code AWS_ENDPOINT_URL_<SERVICE>}).
 *
 * <pre>{@code
 * AwsSettings settings = new AwsSettings(Optional.empty(), Optional.of("us-west-2"), Optional.empty(), System.getenv());
 * try (AwsClients aws = AwsClients.create(settings)) { aws.dynamoDb().listTables(); }
 * }</pre>
 */
public record AwsSettings(Optional<String> profile, Optional<String> region, Optional<URI> endpointUrl,
                          Map<String, String> environment) {

    public AwsSettings {
        profile = profile.filter(p -> !p.isBlank());
        region = region.filter(r -> !r.isBlank());
        environment = Map.copyOf(environment);
    }

    /** The default provider chain for everything. */
    public static AwsSettings defaults() {
        return new AwsSettings(Optional.empty(), Optional.empty(), Optional.empty(), System.getenv());
    }

    /**
     * The endpoint for one service: {@code --endpoint-url}, else {@code AWS_ENDPOINT_URL_<SERVICE>} (for example
     * {@code AWS_ENDPOINT_URL_DYNAMODB}), else {@code AWS_ENDPOINT_URL}; empty means AWS itself.
     */
    public Optional<URI> endpointFor(String serviceVariableSuffix) {
        if (endpointUrl.isPresent()) {
            return endpointUrl;
        }
        String specific = environment.get("AWS_ENDPOINT_URL_" + serviceVariableSuffix);
        if (specific != null && !specific.isBlank()) {
            return Optional.of(URI.create(specific.trim()));
        }
        String general = environment.get("AWS_ENDPOINT_URL");
        return general == null || general.isBlank() ? Optional.empty() : Optional.of(URI.create(general.trim()));
    }

    boolean anyEndpointOverride() {
        return endpointUrl.isPresent() || environment.keySet().stream().anyMatch(k -> k.startsWith("AWS_ENDPOINT_URL"));
    }
}
