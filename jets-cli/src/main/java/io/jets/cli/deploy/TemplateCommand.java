package io.jets.cli.deploy;

import io.jets.cli.CliException;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.streams.DynamoDbStreamArnResolver;
import io.jets.deploy.template.CfnTemplate;
import io.jets.deploy.template.TemplateGenerator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jets template}: writes the application's CloudFormation template to
 * {@code .jets/out/<namespace>.template.json} (or {@code .yaml}). Table triggers are resolved to their stream
 * with DescribeTable, so it needs AWS, or the local server through {@code --endpoint-url}.
 */
@Command(name = "template", description = "Writes the CloudFormation template to .jets/out/.")
public final class TemplateCommand extends DeployCommandBase implements Callable<Integer> {

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--format", defaultValue = "json", paramLabel = "json|yaml", description = "json (default) or yaml.")
    String format;

    @Option(names = "--no-compile", negatable = false, description = "Use target/classes as it is.")
    boolean noCompile;

    public TemplateCommand() {
    }

    public TemplateCommand(io.jets.cli.Workspace workspace) {
        super(workspace);
    }

    @Override
    public Integer call() {
        if (!format.equals("json") && !format.equals("yaml")) {
            throw new CliException("--format must be json or yaml, got: " + format);
        }
        DeployApp app = DeployApp.open(workspace(), !noCompile);
        var config = app.project().config();
        CfnTemplate template;
        try (AwsClients clients = AwsClients.create(aws.settings(workspace().environment()))) {
            template = new TemplateGenerator(config, app.settings()).generate(app.functions(),
                    new DynamoDbStreamArnResolver(clients.dynamoDb(), config, Optional.ofNullable(aws.endpointUrl)));
        }
        Path file = app.out(config.namespace() + ".template." + format);
        write(file, format.equals("json") ? template.toJson() : template.toYaml());
        println("Wrote " + workspace().directory().relativize(file) + " (" + template.resources().size()
                + " resources, " + template.jsonSize() + " bytes as JSON)");
        return 0;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
