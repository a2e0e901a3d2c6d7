package io.jets.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalContextTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));

    @Test
    void create_givesLambdasNamesAndCountsDownToTheDeadline() {
        LocalContext context = LocalContext.create("demo-dev-clerk_event-file", Duration.ofSeconds(30), 1536, clock);

        assertThat(context.getFunctionName()).isEqualTo("demo-dev-clerk_event-file");
        assertThat(context.getFunctionVersion()).isEqualTo("$LATEST");
        assertThat(context.getMemoryLimitInMB()).isEqualTo(1536);
        assertThat(context.getLogGroupName()).isEqualTo("/aws/lambda/demo-dev-clerk_event-file");
        assertThat(context.getLogStreamName()).matches("2026/11/25/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(context.getAwsRequestId()).matches("[0-9a-f-]{36}");
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(30_000);

        clock.advance(Duration.ofMillis(29_250));
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(750);

        clock.advance(Duration.ofSeconds(5));
        assertThat(context.getRemainingTimeInMillis()).isZero();
    }

    @Test
    void create_twice_givesDistinctRequestIds() {
        LocalContext first = LocalContext.create("f", Duration.ofSeconds(3), 128, clock);
        LocalContext second = LocalContext.create("f", Duration.ofSeconds(3), 128, clock);

        assertThat(first.getAwsRequestId()).isNotEqualTo(second.getAwsRequestId());
    }

    @Test
    void newLogStreamName_isTheUtcDayTheVersionAndAFreshHexId() {
        String first = LocalContext.newLogStreamName(Instant.parse("2026-11-25T23:59:59Z"));
        String second = LocalContext.newLogStreamName(Instant.parse("2026-11-25T23:59:59Z"));

        assertThat(first).matches("2026/11/25/\\[\\$LATEST][0-9a-f]{32}");
        assertThat(second).matches("2026/11/25/\\[\\$LATEST][0-9a-f]{32}").isNotEqualTo(first);
    }

    @Test
    void logger_writesEachMessageAsALineOnStandardOut() throws Exception {
        LocalContext context = LocalContext.create("f", Duration.ofSeconds(3), 128, clock);

        String printed = StandardOut.capture(() -> {
            context.getLogger().log("first");
            context.getLogger().log("second\n");
            return null;
        });

        assertThat(printed).isEqualTo("first\nsecond\n");
    }

    @Test
    void constructor_withTheRuntimesValues_givesThemAndLogsThroughItsLogger() {
        List<String> logged = new ArrayList<>();
        LambdaLogger logger = new LambdaLogger() {
            @Override
            public void log(String message) {
                logged.add(message);
            }

            @Override
            public void log(byte[] message) {
                logged.add(new String(message, StandardCharsets.UTF_8));
            }
        };
        LocalContext context = new LocalContext("demo-dev-clerk_event-file", "5f0c8a8e-8f1c-4d0e-9d8c-3f6a2b1c0d9e",
                clock.instant().plusSeconds(3), clock, 512, "/aws/lambda/demo-dev-clerk_event-file",
                "2026/11/25/[$LATEST]0123456789abcdef0123456789abcdef",
                "arn:aws:lambda:us-east-1:000000000000:function:demo-dev-clerk_event-file", logger);

        context.getLogger().log("through the runtime");
        context.getLogger().log("bytes too".getBytes(StandardCharsets.UTF_8));

        assertThat(context.getAwsRequestId()).isEqualTo("5f0c8a8e-8f1c-4d0e-9d8c-3f6a2b1c0d9e");
        assertThat(context.getLogStreamName()).isEqualTo("2026/11/25/[$LATEST]0123456789abcdef0123456789abcdef");
        assertThat(context.getInvokedFunctionArn())
                .isEqualTo("arn:aws:lambda:us-east-1:000000000000:function:demo-dev-clerk_event-file");
        assertThat(context.getRemainingTimeInMillis()).isEqualTo(3_000);
        assertThat(logged).containsExactly("through the runtime", "bytes too");
    }

    @Test
    void constructor_withoutALogger_isRejected() {
        assertThatThrownBy(() -> new LocalContext("f", "id", clock.instant(), clock, 128, "/aws/lambda/f", "s",
                "arn", null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("logger");
    }

    /** A clock the test moves by hand. */
    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
