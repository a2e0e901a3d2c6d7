package io.jets.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class LambdaErrorDocumentTest {

    @Test
    void of_isLambdasErrorDocument_withStackTraceAndCause() {
        IllegalStateException boom = new IllegalStateException("boom in handler", new IOException("disk full"));
        boom.setStackTrace(new StackTraceElement[] {
                new StackTraceElement("demo.events.ClerkEvent", "file", "ClerkEvent.java", 11)});
        boom.getCause().setStackTrace(new StackTraceElement[0]);

        assertThat(LambdaErrorDocument.of(boom)).isEqualTo("{\"errorMessage\":\"boom in handler\","
                + "\"errorType\":\"java.lang.IllegalStateException\","
                + "\"stackTrace\":[\"demo.events.ClerkEvent.file(ClerkEvent.java:11)\"],"
                + "\"cause\":{\"errorMessage\":\"disk full\",\"errorType\":\"java.io.IOException\",\"stackTrace\":[]}}");
    }

    @Test
    void of_anExceptionWithoutAMessage_leavesErrorMessageOut() {
        NullPointerException npe = new NullPointerException();
        npe.setStackTrace(new StackTraceElement[0]);

        assertThat(LambdaErrorDocument.of(npe))
                .isEqualTo("{\"errorType\":\"java.lang.NullPointerException\",\"stackTrace\":[]}");
    }
}
