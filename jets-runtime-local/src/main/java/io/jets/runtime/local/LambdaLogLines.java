package io.jets.runtime.local;

import io.jets.core.LocalContext;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The lines Lambda writes around each invocation in the function's log: {@code START}, {@code END} and the
 * tab-separated {@code REPORT}, whose {@code Init Duration} only a cold start's first invocation carries.
 *
 * <pre>{@code
 * LambdaLogLines.report(requestId, 12.3, 512, 0);
 * // REPORT RequestId: …	Duration: 12.30 ms	Billed Duration: 13 ms	Memory Size: 512 MB	Max Memory Used: 87 MB
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/lambda/latest/dg/java-logging.html">Log and monitor Java Lambda
 *     functions</a>
 */
public final class LambdaLogLines {

    private LambdaLogLines() {
    }

    public static String start(String requestId) {
        return "START RequestId: " + requestId + " Version: " + LocalContext.FUNCTION_VERSION;
    }

    public static String end(String requestId) {
        return "END RequestId: " + requestId;
    }

    /** The REPORT line of an invocation that took {@code millis}; {@code initNanos} 0 leaves Init Duration out. */
    public static String report(String requestId, double millis, int memorySizeMb, long initNanos) {
        // written out by hand: a batch of a few records is invoked thousands of times a second, and
        // String.format cost more than the rest of the bookkeeping
        StringBuilder report = new StringBuilder(160).append("REPORT RequestId: ").append(requestId)
                .append("\tDuration: ");
        hundredths(report, millis).append(" ms\tBilled Duration: ").append((long) Math.ceil(millis))
                .append(" ms\tMemory Size: ").append(memorySizeMb).append(" MB\tMax Memory Used: ")
                .append(usedMemoryMb()).append(" MB");
        if (initNanos != 0) {
            hundredths(report.append("\tInit Duration: "), initNanos / 1_000_000.0).append(" ms");
        }
        return report.toString();
    }

    /** {@code value} rounded half up to two decimals, as {@code %.2f} writes a non-negative number. */
    static StringBuilder hundredths(StringBuilder out, double value) {
        long scaled = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
        long cents = scaled % 100;
        return out.append(scaled / 100).append('.').append(cents < 10 ? "0" : "").append(cents);
    }

    private static long usedMemoryMb() {
        Runtime runtime = Runtime.getRuntime();
        return (runtime.totalMemory() - runtime.freeMemory()) / (1024 * 1024);
    }
}
