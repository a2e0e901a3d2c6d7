package io.jets.cli.commands;

import io.jets.cli.CliException;
import io.jets.cli.JetsCommand;
import io.jets.cli.Project;
import io.jets.runtime.local.failures.FailureRecord;
import io.jets.runtime.local.failures.LocalFailures;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jets failures [ID]}: the on-failure records {@code jets dev} sent to local SQS, SNS and S3 destinations,
 * or one of them in full.
 */
@Command(name = "failures", description = "Lists the on-failure records of local mappings, or shows one by its ID.")
public final class FailuresCommand implements Callable<Integer> {

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "ID", description = "Show this record (an ID from the list).")
    String id;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Project project = root.workspace().project();
        LocalFailures failures = LocalFailures.in(project.stateDirectory());
        if (id != null) {
            FailureRecord record = failures.show(id).orElseThrow(() -> new CliException(
                    "No failure record " + id + " under " + LocalFailures.root(project.stateDirectory())
                            + ". List them with: jets failures"));
            out.println(record.json());
            return 0;
        }
        List<FailureRecord> records = failures.list();
        if (records.isEmpty()) {
            out.println("No failure records: no local mapping has given up on a batch.");
            return 0;
        }
        out.printf("%-24s  %-20s  %s%n", "WRITTEN", "DESTINATION", "ID");
        for (FailureRecord record : records) {
            out.printf("%-24s  %-20s  %s%n", record.written(), record.destination(), record.id());
        }
        out.println();
        out.println("Show one with: jets failures ID");
        return 0;
    }
}
