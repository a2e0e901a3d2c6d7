package io.jets.cli.deploy;

import io.jets.deploy.build.DeploymentJar;
import io.jets.deploy.build.DeploymentJar.BuiltJar;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jets build}: the jar Lambda runs, {@code .jets/out/<namespace>.jar}. */
@Command(name = "build", description = "Builds the deployment jar in .jets/out/.")
public final class BuildCommand extends DeployCommandBase implements Callable<Integer> {

    @Option(names = "--no-compile", negatable = false, description = "Use target/classes as it is.")
    boolean noCompile;

    public BuildCommand() {
    }

    public BuildCommand(io.jets.cli.Workspace workspace) {
        super(workspace);
    }

    @Override
    public Integer call() {
        DeployApp app = DeployApp.open(workspace(), !noCompile);
        app.settings(); // refuses a functions.runtime whose JVM could not load the classes about to be packaged
        BuiltJar jar = build(app);
        println("Built " + workspace().directory().relativize(jar.path()) + " (" + kilobytes(jar.size())
                + " KB, sha256 " + jar.sha256Hex() + ")");
        return 0;
    }

    /** The deployment jar; the caller has checked the application's settings ({@link DeployApp#settings()}). */
    static BuiltJar build(DeployApp app) {
        return DeploymentJar.build(app.classesDirectory(), app.dependencies(),
                app.out(app.project().config().namespace() + ".jar"));
    }

    static long kilobytes(long bytes) {
        return (bytes + 1023) / 1024;
    }
}
