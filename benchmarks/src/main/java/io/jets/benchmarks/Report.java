package io.jets.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prints the results file as Markdown tables, one per benchmark and metric, with the ratios of each Jets target
 * to each peer measured in the same run: throughput ratio (Jets ÷ peer, higher is better) and p50/p99 ratio
 * (peer ÷ Jets, higher is better).
 *
 * <pre>java -cp … io.jets.benchmarks.Report target/results.tsv</pre>
 */
public final class Report {

    /** The target that measures the clients' own limit ({@link NullServerConfig}), not a server to compare with. */
    private static final String CEILING = "null-server";

    private Report() {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args.length > 0 ? args[0] : "target/results.tsv");
        Map<String, List<Row>> groups = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            if (!line.isBlank()) {
                Row row = Row.parse(line);
                groups.computeIfAbsent(row.benchmark + " / " + row.metric, k -> new ArrayList<>()).add(row);
            }
        }
        for (Map.Entry<String, List<Row>> group : groups.entrySet()) {
            System.out.println();
            System.out.println("### " + group.getKey());
            System.out.println();
            System.out.println("| target | per second | p50 ms | p99 ms | errors or lost | note |");
            System.out.println("|---|---:|---:|---:|---:|---|");
            for (Row row : group.getValue()) {
                System.out.printf("| %s | %s | %s | %s | %s | %s |%n", row.target, row.throughput, row.p50, row.p99,
                        row.errors, row.note);
            }
            printRatios(group.getValue());
        }
    }

    private static void printRatios(List<Row> rows) {
        List<Row> ours = rows.stream().filter(r -> r.target.startsWith("jets")).toList();
        List<Row> ceilings = rows.stream().filter(r -> r.target.equals(CEILING)).toList();
        List<Row> peers = rows.stream().filter(r -> !r.target.startsWith("jets") && !r.target.equals(CEILING))
                .toList();
        printCeiling(ceilings, ours, peers);
        if (ours.isEmpty() || peers.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Ratios (throughput: Jets ÷ peer; p50, p99: peer ÷ Jets; above 1× means Jets is ahead):");
        System.out.println();
        for (Row jets : ours) {
            for (Row peer : peers) {
                StringBuilder line = new StringBuilder("- " + jets.target + " vs " + peer.target + ":");
                appendRatio(line, "throughput", ratio(jets.throughput, peer.throughput));
                appendRatio(line, "p50", ratio(peer.p50, jets.p50));
                appendRatio(line, "p99", ratio(peer.p99, jets.p99));
                System.out.println(line);
            }
        }
    }

    /**
     * The null server answers from memory at almost no cost, so its throughput is the most these clients can
     * drive on this machine, and its ratio to a peer the highest ratio any server could show against that peer.
     */
    private static void printCeiling(List<Row> ceilings, List<Row> ours, List<Row> peers) {
        if (ceilings.isEmpty() || ours.isEmpty() && peers.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println("Ceiling (" + CEILING + " ÷ target: the highest throughput ratio any server could show"
                + " against that target with these clients on this machine):");
        System.out.println();
        for (Row ceiling : ceilings) {
            for (Row other : concat(ours, peers)) {
                System.out.println("- " + CEILING + " vs " + other.target + ": throughput "
                        + ratio(ceiling.throughput, other.throughput));
            }
        }
    }

    private static List<Row> concat(List<Row> first, List<Row> second) {
        List<Row> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void appendRatio(StringBuilder line, String name, String ratio) {
        if (!ratio.equals("-")) {
            line.append(line.charAt(line.length() - 1) == ':' ? " " : ", ").append(name).append(' ').append(ratio);
        }
    }

    private static String ratio(String numerator, String denominator) {
        try {
            double value = Double.parseDouble(numerator) / Double.parseDouble(denominator);
            return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f×", value) : "-";
        } catch (NumberFormatException e) {
            return "-";
        }
    }

    private record Row(String benchmark, String target, String metric, String throughput, String p50, String p99,
                       String errors, String note) {
        static Row parse(String line) {
            String[] f = line.split("\t", -1);
            if (f.length < 8) {
                throw new IllegalArgumentException("A results line has 8 tab-separated fields, got: " + line);
            }
            return new Row(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
        }
    }
}
