package io.jets.runtime.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The error document Lambda's Java runtime writes for an unhandled exception, both to the function's log and as the
 * invocation's answer: {@code errorMessage} (when the exception has one), {@code errorType}, {@code stackTrace} and
 * the {@code cause}, nested up to ten deep.
 *
 * <pre>{@code
 * String json = LambdaErrorDocument.of(new IllegalStateException("boom"));
 * // {"errorMessage":"boom","errorType":"java.lang.IllegalStateException","stackTrace":[...]}
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-exceptions.html">Lambda function errors in Java</a>
 */
public final class LambdaErrorDocument {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_CAUSES = 10;

    private LambdaErrorDocument() {
    }

    /** The document of {@code error}, as one line of JSON. */
    public static String of(Throwable error) {
        return node(error, 0).toString();
    }

    private static ObjectNode node(Throwable error, int depth) {
        ObjectNode node = JSON.createObjectNode();
        if (error.getMessage() != null) {
            node.put("errorMessage", error.getMessage());
        }
        node.put("errorType", error.getClass().getName());
        ArrayNode trace = node.putArray("stackTrace");
        for (StackTraceElement frame : error.getStackTrace()) {
            trace.add(frame.toString());
        }
        if (error.getCause() != null && error.getCause() != error && depth < MAX_CAUSES) {
            node.set("cause", node(error.getCause(), depth + 1));
        }
        return node;
    }
}
