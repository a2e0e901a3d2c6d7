package io.jets.deploy.logs;

import java.time.Instant;

/** One CloudWatch log event of a function. */
public record LogLine(String eventId, Instant timestamp, String logStream, String message) {

    /** {@code 2026-11-25T12:00:00.123Z event {...}}, as Jets prints log events. */
    public String format() {
        return timestamp + " " + message.stripTrailing();
    }
}
