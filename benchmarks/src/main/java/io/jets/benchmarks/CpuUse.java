package io.jets.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * CPU time the server process and this benchmark process (the clients) used during a measured phase. On a machine
 * where both share the cores, the clients' CPU per call bounds what any server can reach: with {@code c} ms of
 * client CPU per call on {@code n} cores, no server answers more than {@code n / c} calls per millisecond.
 *
 * @param serverNanos CPU time of the server process, or -1 when it could not be read (no pid, not Linux)
 * @param clientNanos CPU time of this process
 */
record CpuUse(long serverNanos, long clientNanos) {

    /** Clock ticks per second of /proc/&lt;pid&gt;/stat; 100 on every Linux this runs on. */
    private static final long TICKS_PER_SECOND = 100;

    /** Samples both processes at {@code from} and at {@code to} (System.nanoTime() instants). */
    static CpuUse during(long serverPid, long from, long to) throws InterruptedException {
        sleepUntil(from);
        long server0 = processCpuNanos(serverPid);
        long client0 = ownCpuNanos();
        sleepUntil(to);
        long server1 = processCpuNanos(serverPid);
        long client1 = ownCpuNanos();
        return new CpuUse(server0 < 0 || server1 < 0 ? -1 : server1 - server0, client1 - client0);
    }

    /** {@code cpu ms/op: server 0.21, clients 0.43}, per completed call of the phase. */
    String describe(long calls) {
        if (calls == 0) {
            return "cpu ms/op: -";
        }
        String server = serverNanos < 0 ? "-" : String.format(Locale.ROOT, "%.3f", serverNanos / 1e6 / calls);
        return String.format(Locale.ROOT, "cpu ms/op: server %s, clients %.3f", server, clientNanos / 1e6 / calls);
    }

    private static long processCpuNanos(long pid) {
        if (pid <= 0) {
            return -1;
        }
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            // fields after the command name, which is in parentheses and may hold spaces
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
            return ticks * 1_000_000_000L / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long ownCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void sleepUntil(long instant) throws InterruptedException {
        long wait = instant - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
