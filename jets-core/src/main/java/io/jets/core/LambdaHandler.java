package io.jets.core;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The one class AWS Lambda calls for every Jets function ({@code io.jets.core.LambdaHandler::handleRequest}).
 * It dispatches by the function name in the {@value #FUNCTION_VARIABLE} environment variable, set per function
 * by the generated template, through the compile-time index.
 */
public final class LambdaHandler implements RequestStreamHandler {

    /** Environment variable naming the Jets function ({@code clerk_event-file}). */
    public static final String FUNCTION_VARIABLE = "JETS_FUNCTION";

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) {
        throw new UnsupportedOperationException("implemented by jets-core");
    }
}
