package io.jets.cli.commands;

import io.jets.cli.CliException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Jets' {@code --since}: a duration back from now ({@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}) or an ISO instant. */
final class Since {

    private static final Pattern DURATION = Pattern.compile("(\\d+)([smhdw])");

    private Since() {
    }

    static Instant parse(String value, Clock clock) {
        Matcher matcher = DURATION.matcher(value.trim());
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            Duration unit = switch (matcher.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return clock.instant().minus(unit.multipliedBy(amount));
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new CliException("Invalid --since: '" + value + "'. Use a duration such as 30s, 10m, 2h, 1d or 1w, "
                    + "or a time such as 2026-11-25T12:00:00Z");
        }
    }
}
