package io.jets.dynamodb.local;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them on a command line: {@code 250ms}, {@code 30s}, {@code 5m}, {@code 4h}, {@code 1d},
 * decimals such as {@code 1.5h}, or ISO-8601 ({@code PT30S}). Read by the server's own {@link Main} and by the
 * {@code jets} command, so both take the same values.
 */
public final class Durations {

    private static final Pattern SHORT = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h|d)");

    private Durations() {
    }

    /**
     * A duration of more than zero (every setting that takes one is a period or a lifetime).
     *
     * @throws IllegalArgumentException naming the accepted forms when {@code text} is none of them, or when it is
     *     zero or negative
     */
    public static Duration parse(String text) {
        Duration duration = parseAny(text);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException("A duration must be more than zero, got: " + text);
        }
        return duration;
    }

    private static Duration parseAny(String text) {
        String trimmed = text == null ? "" : text.trim();
        Matcher matcher = SHORT.matcher(trimmed);
        if (matcher.matches()) {
            double amount = Double.parseDouble(matcher.group(1));
            long unitMillis = switch (matcher.group(2)) {
                case "ms" -> 1;
                case "s" -> 1_000;
                case "m" -> 60_000;
                case "h" -> 3_600_000;
                default -> 86_400_000;
            };
            return Duration.ofMillis(Math.round(amount * unitMillis));
        }
        try {
            return Duration.parse(trimmed);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Not a duration: '" + text + "'. Write it as 250ms, 30s, 5m, 4h, 1d"
                    + " or PT30S.", e);
        }
    }
}
