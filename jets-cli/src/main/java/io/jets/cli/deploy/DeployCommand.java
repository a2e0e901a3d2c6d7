package io.jets.cli.deploy;

import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.build.DeploymentJar.BuiltJar;
import io.jets.deploy.stack.DeployRequest;
import io.jets.deploy.stack.DeployResult;
import io.jets.deploy.stack.Sleeper;
import io.jets.deploy.stack.StackDeployer;
import io.jets.deploy.streams.DynamoDbStreamArnResolver;
import io.jets.deploy.template.CfnTemplate;
import io.jets.deploy.template.DeploySettings;
import io.jets.deploy.template.TemplateGenerator;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jets deploy}: compiles, resolves the streams, writes the template and the jar to {@code .jets/out/},
 * uploads the jar and creates or updates the stack {@code <namespace>} through a change set.
 */
@Command(name = "deploy", description = "Deploys the application to AWS Lambda with CloudFormation.")
public final class DeployCommand extends DeployCommandBase implements Callable<Integer> {

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--bucket", paramLabel = "BUCKET",
            description = "S3 bucket for the jar (default: the bucket of the jets-bootstrap stack, created once).")
    String bucket;

    @Option(names = "--dry-run", description = "Show the template and the change set; execute nothing.")
    boolean dryRun;

    @Option(names = "--no-compile", negatable = false, description = "Use target/classes as it is.")
    boolean noCompile;

    @Option(names = "--poll-seconds", defaultValue = "2", hidden = true)
    long pollSeconds;

    private final Sleeper sleeper;

    public DeployCommand() {
        this.sleeper = Sleeper.REAL;
    }

    public DeployCommand(io.jets.cli.Workspace workspace, Sleeper sleeper) {
        super(workspace);
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() {
        DeployApp app = DeployApp.open(workspace(), !noCompile);
        var config = app.project().config();
        try (AwsClients clients = AwsClients.create(aws.settings(workspace().environment()))) {
            DeploySettings settings = app.settings();
            CfnTemplate template = new TemplateGenerator(config, settings).generate(app.functions(),
                    new DynamoDbStreamArnResolver(clients.dynamoDb(), config, Optional.ofNullable(aws.endpointUrl)));
            var templateFile = app.out(config.namespace() + ".template.json");
            TemplateCommand.write(templateFile, template.toJson());
            println("Template " + workspace().directory().relativize(templateFile) + " (runtime " + settings.runtime()
                    + ")");
            if (dryRun) {
                out().print(template.toJson());
            }
            BuiltJar jar = BuildCommand.build(app);
            println("Jar " + workspace().directory().relativize(jar.path()) + " (" + BuildCommand.kilobytes(jar.size())
                    + " KB)");
            StackDeployer deployer = new StackDeployer(clients.cloudFormation(), clients.s3(), sleeper,
                    Duration.ofSeconds(pollSeconds), workspace().clock(), this::println);
            DeployResult result = deployer.deploy(new DeployRequest(config.namespace(), template, jar,
                    Optional.ofNullable(bucket), dryRun));
            return 0;
        }
    }
}
