package io.jets.deploy.doctor;

import java.util.Objects;

/** One thing {@code jets doctor} checked: how it stands, about what, and what to do. */
public record Finding(Severity severity, String subject, String message) {

    public Finding {
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(message, "message");
    }

    public enum Severity { OK, WARNING, PROBLEM }

    /** {@code [ok] clerk_event-file: …}. */
    public String format() {
        return "[" + switch (severity) {
            case OK -> "ok";
            case WARNING -> "warning";
            case PROBLEM -> "PROBLEM";
        } + "] " + subject + ": " + message;
    }
}
