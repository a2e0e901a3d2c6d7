package io.jets.deploy.doctor;

import java.util.List;

/** Everything {@code jets doctor} found; healthy when nothing is a problem. */
public record DoctorReport(List<Finding> findings) {

    public DoctorReport {
        findings = List.copyOf(findings);
    }

    public boolean healthy() {
        return findings.stream().noneMatch(f -> f.severity() == Finding.Severity.PROBLEM);
    }

    public List<String> lines() {
        return findings.stream().map(Finding::format).toList();
    }
}
