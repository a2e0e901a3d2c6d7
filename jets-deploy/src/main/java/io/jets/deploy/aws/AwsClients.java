package io.jets.deploy.aws;

import io.jets.deploy.DeployException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.utils.SdkAutoCloseable;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The AWS SDK clients jets-deploy uses, all with one region, one credentials provider and one HTTP client,
 * created lazily so a command only checks what it calls.
 *
 * <p>Region: {@code --region}, else the default chain ({@code AWS_REGION}, the profile's region). Credentials:
 * {@code --profile}, else the default chain. With an endpoint override and no credentials (the local DynamoDB
 * server) fixed local credentials are used, as the server does not check them.
 *
 * @see <a href="https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html">Service-specific endpoints</a>
 */
public final class AwsClients implements AutoCloseable {

    private final AwsSettings settings;
    private final SdkHttpClient http = UrlConnectionHttpClient.create();
    private final Map<Class<?>, SdkAutoCloseable> clients = new LinkedHashMap<>();
    private Region region;
    private AwsCredentialsProvider credentials;

    private AwsClients(AwsSettings settings) {
        this.settings = settings;
    }

    public static AwsClients create(AwsSettings settings) {
        return new AwsClients(settings);
    }

    public synchronized Region region() {
        if (region == null) {
            region = resolveRegion();
        }
        return region;
    }

    public DynamoDbClient dynamoDb() {
        return client(DynamoDbClient.class, () -> configure(DynamoDbClient.builder(), "DYNAMODB").build());
    }

    public CloudFormationClient cloudFormation() {
        return client(CloudFormationClient.class,
                () -> configure(CloudFormationClient.builder(), "CLOUDFORMATION").build());
    }

    public S3Client s3() {
        return client(S3Client.class, () -> {
            var builder = S3Client.builder();
            // A local endpoint has no bucket subdomains.
            builder.forcePathStyle(settings.endpointFor("S3").isPresent());
            return configure(builder, "S3").build();
        });
    }

    public CloudWatchLogsClient logs() {
        return client(CloudWatchLogsClient.class,
                () -> configure(CloudWatchLogsClient.builder(), "CLOUDWATCH_LOGS").build());
    }

    public LambdaClient lambda() {
        return client(LambdaClient.class, () -> configure(LambdaClient.builder(), "LAMBDA").build());
    }

    public StsClient sts() {
        return client(StsClient.class, () -> configure(StsClient.builder(), "STS").build());
    }

    private synchronized <C extends SdkAutoCloseable> C client(Class<C> type, Supplier<C> factory) {
        return type.cast(clients.computeIfAbsent(type, t -> factory.get()));
    }

    private <B extends AwsClientBuilder<B, ?>> B configure(B builder, String service) {
        builder.region(region()).credentialsProvider(credentials());
        settings.endpointFor(service).ifPresent(builder::endpointOverride);
        if (builder instanceof software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?> sync) {
            sync.httpClient(http);
        }
        return builder;
    }

    private synchronized AwsCredentialsProvider credentials() {
        if (credentials == null) {
            credentials = resolveCredentials();
        }
        return credentials;
    }

    private AwsCredentialsProvider resolveCredentials() {
        AwsCredentialsProvider chain = settings.profile()
                .<AwsCredentialsProvider>map(p -> DefaultCredentialsProvider.builder().profileName(p).build())
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
        try {
            chain.resolveCredentials();
            return chain;
        } catch (SdkClientException e) {
            if (settings.anyEndpointOverride()) {
                return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
            }
            throw new DeployException(settings.profile()
                    .map(p -> "No AWS credentials for profile " + p + ": run aws configure --profile " + p)
                    .orElse("No AWS credentials found: run aws configure, set AWS_ACCESS_KEY_ID and "
                            + "AWS_SECRET_ACCESS_KEY, or pass --profile"));
        }
    }

    private Region resolveRegion() {
        if (settings.region().isPresent()) {
            return Region.of(settings.region().get());
        }
        String fromEnvironment = settings.environment().getOrDefault("AWS_REGION",
                settings.environment().getOrDefault("AWS_DEFAULT_REGION", ""));
        if (!fromEnvironment.isBlank()) {
            return Region.of(fromEnvironment.trim());
        }
        try {
            var chain = DefaultAwsRegionProviderChain.builder();
            settings.profile().ifPresent(chain::profileName);
            return chain.build().getRegion();
        } catch (SdkClientException e) {
            if (settings.anyEndpointOverride()) {
                // A local endpoint serves every region; pick one so ARNs look like AWS's.
                return Region.US_EAST_1;
            }
            throw new DeployException("No AWS region configured: pass --region, set AWS_REGION, or add region to "
                    + "your profile in ~/.aws/config");
        }
    }

    @Override
    public synchronized void close() {
        clients.values().forEach(SdkAutoCloseable::close);
        clients.clear();
        http.close();
    }
}
