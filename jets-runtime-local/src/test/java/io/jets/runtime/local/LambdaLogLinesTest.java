package io.jets.runtime.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LambdaLogLinesTest {

    @Test
    void durations_areWrittenAsPercentTwoFWritesThem() {
        Random random = new Random(7);
        double[] edges = {0, 0.004, 0.005, 0.015, 1.005, 2.675, 9.995, 99.999, 123456.785, 0.125, 0.375};
        for (double value : edges) {
            assertThat(LambdaLogLines.hundredths(new StringBuilder(), value).toString())
                    .isEqualTo(String.format(Locale.ROOT, "%.2f", value));
        }
        for (int i = 0; i < 10_000; i++) {
            double value = random.nextDouble() * Math.pow(10, random.nextInt(7));
            assertThat(LambdaLogLines.hundredths(new StringBuilder(), value).toString())
                    .as("%s", value).isEqualTo(String.format(Locale.ROOT, "%.2f", value));
        }
    }
}
