package io.jets.benchmarks;

import java.util.Arrays;

/** Latency samples in nanoseconds, one recorder per thread, merged for percentiles. */
final class Latencies {

    private long[] samples = new long[1 << 14];
    private int size;

    void add(long nanos) {
        if (size == samples.length) {
            samples = Arrays.copyOf(samples, size * 2);
        }
        samples[size++] = nanos;
    }

    int count() {
        return size;
    }

    static Latencies merge(Iterable<Latencies> parts) {
        Latencies all = new Latencies();
        for (Latencies part : parts) {
            for (int i = 0; i < part.size; i++) {
                all.add(part.samples[i]);
            }
        }
        return all;
    }

    /** Nearest-rank percentile in milliseconds; {@code p} in 0..100. */
    double percentileMillis(double p) {
        if (size == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(samples, size);
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p / 100.0 * size);
        return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000_000.0;
    }

    double meanMillis() {
        if (size == 0) {
            return Double.NaN;
        }
        double total = 0;
        for (int i = 0; i < size; i++) {
            total += samples[i];
        }
        return total / size / 1_000_000.0;
    }
}
