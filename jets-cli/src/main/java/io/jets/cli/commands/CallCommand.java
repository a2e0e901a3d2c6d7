package io.jets.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.cli.CliException;
import io.jets.cli.JetsCommand;
import io.jets.cli.Project;
import io.jets.cli.Workspace;
import io.jets.cli.app.LoadedApp;
import io.jets.cli.app.MavenApp;
import io.jets.core.LocalContext;
import io.jets.core.config.ProjectConfig;
import io.jets.core.index.FunctionDefinition;
import io.jets.deploy.aws.AwsClients;
import io.jets.runtime.local.LambdaErrorDocument;
import io.jets.runtime.local.LambdaLogLines;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.LogType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code jets call clerk_event-file --event file://event.json}: invokes a function once, locally and in-process,
 * exactly as the deployed entry point would; prints its logs (Lambda's START/END/REPORT lines around what it
 * printed) on the error stream and its result on the output stream. With {@code --aws}, invokes the deployed
 * function through Lambda's Invoke API and prints the tail of its log the same way.
 */
@Command(name = "call", description = "Invokes a function (locally, or on AWS with --aws) and prints its logs and result.")
public final class CallCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParentCommand
    JetsCommand root;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FUNCTION", description = "Function name (clerk_event-file).")
    String function;

    @Option(names = "--event", paramLabel = "EVENT", required = true,
            description = "The payload: file://event.json, inline JSON, or - for standard input.")
    String event;

    @Option(names = "--no-compile", description = "Use target/classes as it is instead of running mvn compile.")
    boolean noCompile;

    @Option(names = "--aws", description = "Invoke the deployed function (demo-dev-clerk_event-file) on AWS Lambda.")
    boolean aws;

    @Mixin
    AwsTarget target = new AwsTarget();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Workspace workspace = root.workspace();
        Project project = workspace.project();
        byte[] payload = readEvent(workspace);
        if (aws) {
            return invokeOnAws(project, payload, out, err);
        }
        MavenApp app = MavenApp.of(project, workspace.environment());
        if (!noCompile && !app.compiledAndUnchanged()) {
            app.compile().orThrow("The application does not compile");
        }
        try (LoadedApp loaded = LoadedApp.load(app)) {
            FunctionDefinition definition = loaded.function(function);
            ProjectConfig config = project.config();
            LocalContext context = LocalContext.create(config.physicalFunctionName(function),
                    Duration.ofSeconds(config.timeoutSeconds(definition)), config.memorySize(definition),
                    workspace.clock());
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            long started = System.nanoTime();
            Throwable failure = captureOutput(printed, () -> loaded.newDispatcher()
                    .invoke(function, new ByteArrayInputStream(payload), response, context));
            double millis = (System.nanoTime() - started) / 1_000_000.0;

            String requestId = context.getAwsRequestId();
            err.println(LambdaLogLines.start(requestId));
            err.print(printed.toString(StandardCharsets.UTF_8));
            if (failure != null) {
                err.println(LambdaErrorDocument.of(failure)); // Lambda logs the error document it returns
            }
            err.println(LambdaLogLines.end(requestId));
            err.println(LambdaLogLines.report(requestId, millis, context.getMemoryLimitInMB(), 0));
            err.flush();
            if (failure != null) {
                out.println(LambdaErrorDocument.of(failure));
                out.flush();
                return 1;
            }
            String result = response.toString(StandardCharsets.UTF_8);
            out.println(result.isEmpty() ? "null" : result);
            out.flush();
            return 0;
        }
    }

    /** Lambda's Invoke with the log tail: what {@code aws lambda invoke --log-type Tail} shows. */
    private int invokeOnAws(Project project, byte[] payload, PrintWriter out, PrintWriter err) {
        String physicalName = project.config().physicalFunctionName(function);
        try (AwsClients clients = AwsClients.create(target.settings(root.workspace().environment()))) {
            InvokeResponse response;
            try {
                response = clients.lambda().invoke(b -> b.functionName(physicalName)
                        .payload(SdkBytes.fromByteArray(payload)).logType(LogType.TAIL));
            } catch (ResourceNotFoundException e) {
                throw new CliException("Function " + physicalName + " is not deployed. Deploy it with: jets deploy");
            }
            if (response.logResult() != null) {
                err.print(new String(Base64.getDecoder().decode(response.logResult()), StandardCharsets.UTF_8));
                err.flush();
            }
            String result = response.payload() == null ? "" : response.payload().asUtf8String();
            out.println(result.isEmpty() ? "null" : result);
            out.flush();
            return response.functionError() == null ? 0 : 1;
        }
    }

    private byte[] readEvent(Workspace workspace) throws IOException {
        byte[] bytes;
        String source;
        if (event.equals("-")) {
            bytes = System.in.readAllBytes();
            source = "standard input";
        } else if (event.startsWith("file://")) {
            Path file = workspace.resolve(event.substring("file://".length()));
            if (!Files.isRegularFile(file)) {
                throw new CliException("No event file " + file + ". Write one with: jets generate:payload dynamodb "
                        + "--event-name INSERT --table test-table --new '{\"id\":{\"S\":\"1\"}}' > event.json");
            }
            bytes = Files.readAllBytes(file);
            source = event;
        } else {
            bytes = event.getBytes(StandardCharsets.UTF_8);
            source = "--event";
        }
        try {
            JSON.readTree(bytes);
        } catch (JsonProcessingException e) {
            throw new CliException("The event in " + source + " is not valid JSON: " + e.getOriginalMessage());
        }
        return bytes;
    }

    /** Runs {@code invocation} with System.out and System.err going to {@code printed}; returns what it threw. */
    private static Throwable captureOutput(ByteArrayOutputStream printed, Invocation invocation) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            invocation.run();
            return null;
        } catch (Exception e) {
            return e;
        } finally {
            capture.flush();
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    private interface Invocation {
        void run() throws Exception;
    }
}
