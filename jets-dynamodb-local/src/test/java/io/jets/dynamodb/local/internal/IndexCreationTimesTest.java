package io.jets.dynamodb.local.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class IndexCreationTimesTest {

    @Test
    void defaults_bringTheTableBackWhenTheBackfillStarts_andTheIndexActiveAtSevenSeconds() {
        IndexCreationTimes times = IndexCreationTimes.DEFAULT;

        assertThat(times.tableUpdating()).isEqualTo(Duration.ofMillis(2500));
        assertThat(times.allocation()).isEqualTo(Duration.ofMillis(2500));
        assertThat(times.allocation().plus(times.backfill())).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void zero_isAccepted() {
        assertThat(new IndexCreationTimes(Duration.ZERO, Duration.ZERO, Duration.ZERO).backfill()).isZero();
    }

    @Test
    void negativeDuration_isRefused() {
        assertThatThrownBy(() -> new IndexCreationTimes(Duration.ZERO, Duration.ZERO, Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("backfill must be zero or a positive duration, got: PT-1S");
    }

    @Test
    void tableUpdatingLongerThanAllocation_isRefused() {
        assertThatThrownBy(() -> new IndexCreationTimes(Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the table cannot stay UPDATING longer than the index allocates: tableUpdating must be"
                        + " at most allocation, got: PT3S and PT2S");
    }
}
