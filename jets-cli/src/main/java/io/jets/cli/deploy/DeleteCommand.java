package io.jets.cli.deploy;

import io.jets.cli.CliException;
import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.stack.Sleeper;
import io.jets.deploy.stack.StackDeployer;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jets delete --yes}: removes the application's stack, its functions, roles, mappings and log groups. */
@Command(name = "delete", description = "Deletes the application's CloudFormation stack.")
public final class DeleteCommand extends DeployCommandBase implements Callable<Integer> {

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = {"-y", "--yes"}, description = "Confirm the deletion.")
    boolean yes;

    @Option(names = "--poll-seconds", defaultValue = "2", hidden = true)
    long pollSeconds;

    private final Sleeper sleeper;

    public DeleteCommand() {
        this.sleeper = Sleeper.REAL;
    }

    public DeleteCommand(io.jets.cli.Workspace workspace, Sleeper sleeper) {
        super(workspace);
        this.sleeper = sleeper;
    }

    @Override
    public Integer call() {
        String stack = workspace().project().config().namespace();
        if (!yes) {
            throw new CliException("jets delete removes stack " + stack + " with its functions, mappings and log "
                    + "groups; run it again with --yes to confirm");
        }
        try (AwsClients clients = AwsClients.create(aws.settings(workspace().environment()))) {
            new StackDeployer(clients.cloudFormation(), clients.s3(), sleeper, Duration.ofSeconds(pollSeconds),
                    workspace().clock(), this::println).delete(stack);
        }
        return 0;
    }
}
