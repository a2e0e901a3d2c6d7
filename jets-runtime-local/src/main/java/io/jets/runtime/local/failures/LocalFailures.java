package io.jets.runtime.local.failures;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The local on-failure destinations under {@code .jets/failures/}, what {@code jets failures} lists and shows.
 * An SQS queue {@code arn:aws:sqs:us-east-1:123456789012:orders-dlq} is {@code sqs/orders-dlq}, an SNS topic
 * {@code sns/<topic>}, an S3 bucket {@code arn:aws:s3:::bucket} is {@code s3/bucket} with S3's key layout.
 *
 * <pre>{@code
 * LocalFailures failures = LocalFailures.in(Path.of(".jets"));
 * for (FailureRecord record : failures.list()) { System.out.println(record.id()); }
 * failures.show(id).ifPresent(r -> System.out.println(r.json()));
 * }</pre>
 */
public final class LocalFailures {

    private final Path stateDirectory;

    private LocalFailures(Path stateDirectory) {
        this.stateDirectory = stateDirectory;
    }

    public static LocalFailures in(Path stateDirectory) {
        return new LocalFailures(stateDirectory);
    }

    /** {@code .jets/failures}. */
    public static Path root(Path stateDirectory) {
        return stateDirectory.resolve("failures");
    }

    /**
     * {@code sqs}, {@code sns} or {@code s3} for a destination ARN.
     *
     * @throws IllegalArgumentException for any other ARN
     */
    public static String service(String destinationArn) {
        String[] parts = destinationArn.split(":", 6);
        if (parts.length == 6 && parts[0].equals("arn") && List.of("sqs", "sns", "s3").contains(parts[2])) {
            return parts[2];
        }
        throw new IllegalArgumentException("onFailure must be an SQS queue, SNS topic or S3 bucket ARN, got: "
                + destinationArn);
    }

    /** The queue, topic or bucket name of a destination ARN. */
    public static String resourceName(String destinationArn) {
        service(destinationArn);
        return destinationArn.substring(destinationArn.lastIndexOf(':') + 1);
    }

    /** Every record, oldest first. */
    public List<FailureRecord> list() {
        Path root = root(stateDirectory);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(this::read)
                    .sorted(Comparator.comparing(FailureRecord::written).thenComparing(FailureRecord::id))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root + ": " + e.getMessage(), e);
        }
    }

    /** The record with this id (as {@link FailureRecord#id()} gives it). */
    public Optional<FailureRecord> show(String id) {
        Path file = root(stateDirectory).resolve(id).normalize();
        if (!file.startsWith(root(stateDirectory)) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(read(file));
    }

    private FailureRecord read(Path file) {
        Path relative = root(stateDirectory).relativize(file);
        String destination = relative.getName(0) + "/" + relative.getName(1);
        try {
            return new FailureRecord(relative.toString().replace('\\', '/'), destination,
                    Files.getLastModifiedTime(file).toInstant(), Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
