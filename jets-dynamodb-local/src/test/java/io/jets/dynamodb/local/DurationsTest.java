package io.jets.dynamodb.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void shortForms_readAsTheirUnits() {
        assertThat(Durations.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(Durations.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(Durations.parse("4h")).isEqualTo(Duration.ofHours(4));
        assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
        assertThat(Durations.parse("1.5h")).isEqualTo(Duration.ofMinutes(90));
        assertThat(Durations.parse(" 2s ")).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void isoForm_isAccepted() {
        assertThat(Durations.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
    }

    @Test
    void anythingElse_isRefusedNamingTheForms() {
        assertThatThrownBy(() -> Durations.parse("30"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Not a duration: '30'. Write it as 250ms, 30s, 5m, 4h, 1d or PT30S.");
        assertThatThrownBy(() -> Durations.parse("5 minutes")).hasMessageStartingWith("Not a duration: '5 minutes'.");
    }

    @Test
    void zeroAndNegative_areRefused() {
        assertThatThrownBy(() -> Durations.parse("0s")).hasMessage("A duration must be more than zero, got: 0s");
        assertThatThrownBy(() -> Durations.parse("PT-5S")).hasMessage("A duration must be more than zero, got: PT-5S");
    }
}
