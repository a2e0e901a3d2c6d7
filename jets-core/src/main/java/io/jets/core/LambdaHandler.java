package io.jets.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import io.jets.core.index.HandlerIndex;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Map;

/**
 * The one class AWS Lambda calls for every Jets function ({@code io.jets.core.LambdaHandler::handleRequest}).
 * It dispatches by the function name in the {@value #FUNCTION_VARIABLE} environment variable, set per function
 * by the generated template, through the compile-time index.
 *
 * <pre>
 * Handler: io.jets.core.LambdaHandler::handleRequest
 * Environment: JETS_FUNCTION=clerk_event-file
 * </pre>
 *
 * Lambda creates one instance per execution environment, so the index is read and the user's class is
 * instantiated once, during initialisation; a missing or unknown function name fails initialisation with a
 * message listing the known functions, and a user class whose constructor throws fails it with that exception,
 * as Lambda reports any handler class. A user exception reaches Lambda unchanged (its type becomes the
 * invocation's {@code errorType}), so that the event source mapping retries the batch.
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-handler.html">Lambda function handler in Java</a>
 */
public final class LambdaHandler implements RequestStreamHandler {

    /** Environment variable naming the Jets function ({@code clerk_event-file}). */
    public static final String FUNCTION_VARIABLE = "JETS_FUNCTION";

    private final String functionName;
    private final FunctionDispatcher dispatcher;

    /** Called by Lambda. */
    public LambdaHandler() {
        this(System.getenv(), LambdaHandler.class.getClassLoader());
    }

    /** For a runtime that stands in for Lambda: {@code environment} instead of the process environment. */
    public LambdaHandler(Map<String, String> environment, ClassLoader classLoader) {
        HandlerIndex index = HandlerIndex.load(classLoader);
        String name = environment.get(FUNCTION_VARIABLE);
        if (name == null || name.isBlank()) {
            throw new JetsException("Environment variable " + FUNCTION_VARIABLE + " is not set; set it to one of: "
                    + String.join(", ", index.functionNames()));
        }
        if (index.function(name).isEmpty()) {
            throw new JetsException("Unknown function " + name + " in " + FUNCTION_VARIABLE + "; known functions: "
                    + (index.functionNames().isEmpty()
                            ? "none (no " + HandlerIndex.RESOURCE + " in the deployment; was it compiled with"
                                    + " jets-core's annotation processor?)"
                            : String.join(", ", index.functionNames())));
        }
        this.functionName = name;
        this.dispatcher = FunctionDispatcher.create(classLoader, index);
        dispatcher.prepare(name);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        try {
            dispatcher.invoke(functionName, input, output, context);
        } catch (IOException | RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            // Wrapping a checked exception would hide the user's error type from Lambda's error report.
            throw LambdaHandler.<RuntimeException>rethrow(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> T rethrow(Throwable e) throws T {
        throw (T) e;
    }
}
