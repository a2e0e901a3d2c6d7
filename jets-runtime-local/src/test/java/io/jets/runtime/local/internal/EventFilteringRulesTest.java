package io.jets.runtime.local.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jets.core.index.TriggerDefinition;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Lambda's filter rules, operator by operator, as EventBridge's pattern engine (which Lambda uses) answers them:
 * each case in {@code filters/event-filtering.json} is a record, a pattern and whether the record is delivered.
 * Every pattern is also one the application's compile-time check accepts.
 */
class EventFilteringRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = EventFilteringRulesTest.class.getResourceAsStream("/filters/event-filtering.json")) {
            JsonNode cases = JSON.readTree(in);
            return Stream.iterate(0, i -> i < cases.size(), i -> i + 1).map(cases::get)
                    .map(c -> Arguments.of(c.get("case").asText(), c.get("record"), c.get("pattern").toString(),
                            c.get("matches").asBoolean()));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pattern_deliversTheRecordAsLambdaDoes(String name, JsonNode record, String pattern, boolean delivered) {
        assertThat(FilterPattern.parse(pattern, JSON).matches(record)).isEqualTo(delivered);
        assertThat(new FilterCriteria(List.of(pattern), JSON).test(record)).isEqualTo(delivered);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void pattern_isAcceptedWhenTheApplicationCompiles(String name, JsonNode record, String pattern, boolean delivered) {
        TriggerDefinition trigger = TriggerDefinition.withDefaults("orders");
        TriggerDefinition filtered = new TriggerDefinition(trigger.source(), trigger.batchSize(),
                trigger.maximumBatchingWindowInSeconds(), trigger.startingPosition(), trigger.parallelizationFactor(),
                trigger.bisectBatchOnFunctionError(), trigger.maximumRetryAttempts(),
                trigger.maximumRecordAgeInSeconds(), trigger.onFailure(), List.of(pattern),
                trigger.reportBatchItemFailures(), trigger.tumblingWindowInSeconds(), trigger.enabled());

        assertThat(filtered.problems()).isEmpty();
    }
}
