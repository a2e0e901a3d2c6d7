package io.jets.deploy.logs;

import io.jets.deploy.DeployException;
import io.jets.deploy.stack.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * A deployed function's CloudWatch logs, as {@code jets logs --aws} prints them: FilterLogEvents on the log group
 * from a start time, with an optional filter pattern; following polls again from the newest event seen and drops
 * events already printed, by event id.
 *
 * <pre>{@code
 * CloudLogs logs = new CloudLogs(aws.logs(), Sleeper.REAL);
 * logs.follow("/aws/lambda/demo-dev-clerk_event-file", since, Optional.empty(), Duration.ofSeconds(2),
 *         line -> out.println(line.format()), () -> true);
 * }</pre>
 *
 * @see <a href="https://docs.aws.amazon.com/AmazonCloudWatchLogs/latest/APIReference/API_FilterLogEvents.html">FilterLogEvents</a>
 */
public final class CloudLogs {

    private final CloudWatchLogsClient logs;
    private final Sleeper sleeper;

    public CloudLogs(CloudWatchLogsClient logs, Sleeper sleeper) {
        this.logs = logs;
        this.sleeper = sleeper;
    }

    /** Every event of the group from {@code since}, oldest first. */
    public List<LogLine> fetch(String logGroup, Instant since, Optional<String> filterPattern) {
        List<LogLine> lines = new ArrayList<>();
        String token = null;
        do {
            FilterLogEventsRequest.Builder request = FilterLogEventsRequest.builder().logGroupName(logGroup)
                    .startTime(since.toEpochMilli()).nextToken(token);
            filterPattern.filter(p -> !p.isBlank()).ifPresent(request::filterPattern);
            FilterLogEventsResponse response;
            try {
                response = logs.filterLogEvents(request.build());
            } catch (ResourceNotFoundException e) {
                throw new DeployException("Log group " + logGroup + " does not exist: the function is not deployed "
                        + "(run jets deploy) or has not run yet");
            }
            response.events().stream().map(CloudLogs::line).forEach(lines::add);
            token = response.nextToken();
        } while (token != null);
        lines.sort(java.util.Comparator.comparing(LogLine::timestamp));
        return lines;
    }

    /**
     * Prints events from {@code since} and then every new one, polling every {@code refresh} while
     * {@code keepGoing} says so. An event is printed once even when polls overlap.
     */
    public void follow(String logGroup, Instant since, Optional<String> filterPattern, Duration refresh,
                       Consumer<LogLine> sink, BooleanSupplier keepGoing) {
        Instant from = since;
        // Ids of the events at the newest timestamp seen: the next poll starts at that millisecond again.
        Set<String> printedAtNewest = new HashSet<>();
        while (true) {
            for (LogLine line : fetch(logGroup, from, filterPattern)) {
                if (line.timestamp().isBefore(from) || printedAtNewest.contains(line.eventId())) {
                    continue;
                }
                if (line.timestamp().isAfter(from)) {
                    from = line.timestamp();
                    printedAtNewest.clear();
                }
                printedAtNewest.add(line.eventId());
                sink.accept(line);
            }
            if (!keepGoing.getAsBoolean()) {
                return;
            }
            sleeper.sleep(refresh);
        }
    }

    private static LogLine line(FilteredLogEvent event) {
        return new LogLine(event.eventId(), Instant.ofEpochMilli(event.timestamp()), event.logStreamName(),
                event.message());
    }
}
