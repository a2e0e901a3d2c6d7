package io.jets.cli.commands;

import io.jets.deploy.aws.AwsSettings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where {@code --aws} goes: the AWS options of {@code jets logs --aws} and {@code jets call --aws}. */
final class AwsTarget {

    @Option(names = "--profile", paramLabel = "NAME", description = "AWS profile (with --aws).")
    String profile;

    @Option(names = "--region", paramLabel = "REGION", description = "AWS region (with --aws).")
    String region;

    @Option(names = "--endpoint-url", paramLabel = "URL", description = "AWS endpoint override (with --aws).")
    URI endpointUrl;

    AwsSettings settings(Map<String, String> environment) {
        return new AwsSettings(Optional.ofNullable(profile), Optional.ofNullable(region),
                Optional.ofNullable(endpointUrl), environment);
    }
}
