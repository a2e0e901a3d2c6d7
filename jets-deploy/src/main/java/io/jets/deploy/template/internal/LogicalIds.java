package io.jets.deploy.template.internal;

import java.util.Locale;

/** Readable, stable logical IDs: {@code clerk_event-file} → {@code ClerkEventFile}. */
public final class LogicalIds {

    private LogicalIds() {
    }

    public static String of(String functionName) {
        StringBuilder id = new StringBuilder();
        for (String part : functionName.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                id.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
            }
        }
        if (id.isEmpty() || !Character.isLetter(id.charAt(0))) {
            id.insert(0, "Fn");
        }
        return id.toString();
    }
}
