package io.jets.cli.deploy;

import io.jets.deploy.aws.AwsClients;
import io.jets.deploy.build.NewestClass;
import io.jets.deploy.doctor.Doctor;
import io.jets.deploy.doctor.DoctorReport;
import io.jets.deploy.stack.DeployedNames;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jets doctor}: checks what the seed page's Debugging section asks users to check by hand. Against the
 * local server ({@code --endpoint-url http://localhost:8000}) it checks the tables and streams only. Exits 1 when
 * it finds a problem.
 */
@Command(name = "doctor", description = "Checks tables, streams, deployed mappings and recent errors.")
public final class DoctorCommand extends DeployCommandBase implements Callable<Integer> {

    @Mixin
    AwsOptions aws = new AwsOptions();

    @Option(names = "--no-compile", negatable = false, description = "Use target/classes as it is.")
    boolean noCompile;

    public DoctorCommand() {
    }

    public DoctorCommand(io.jets.cli.Workspace workspace) {
        super(workspace);
    }

    @Override
    public Integer call() {
        DeployApp app = DeployApp.open(workspace(), !noCompile);
        var environment = workspace().environment();
        try (AwsClients clients = AwsClients.create(aws.settings(environment))) {
            boolean local = aws.localEndpoint(environment);
            var config = app.project().config();
            Doctor doctor;
            if (aws.endpointUrl != null) {
                // the commands it suggests must carry the endpoint too (the aws CLI reads AWS_ENDPOINT_URL itself)
                doctor = Doctor.local(clients.dynamoDb(), config, aws.endpointUrl, workspace().clock());
            } else if (local) {
                doctor = new Doctor(clients.dynamoDb(), Optional.empty(), Optional.empty(), config, workspace().clock());
            } else {
                doctor = new Doctor(clients.dynamoDb(), Optional.of(clients.lambda()), Optional.of(clients.logs()),
                        config, DeployedNames.read(clients.cloudFormation(), config), workspace().clock());
            }
            DoctorReport report = doctor.examine(app.functions(), NewestClass.in(app.classesDirectory()));
            report.lines().forEach(this::println);
            return report.healthy() ? 0 : 1;
        }
    }
}
