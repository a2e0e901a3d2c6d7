package io.jets.deploy.stack.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Follows a stack's events as they happen. DescribeStackEvents lists newest first; this reads pages until it
 * meets an event it has seen, and hands back the new ones oldest first.
 *
 * @see <a href="https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStackEvents.html">DescribeStackEvents</a>
 */
public final class StackEvents {

    private final CloudFormationClient cloudFormation;
    private final String stackName;
    private final Set<String> seen = new HashSet<>();
    private final List<StackEvent> all = new ArrayList<>();

    public StackEvents(CloudFormationClient cloudFormation, String stackName) {
        this.cloudFormation = cloudFormation;
        this.stackName = stackName;
    }

    /** Marks every event so far as history, so that only what happens next is reported. */
    public void skipHistory() {
        poll();
        all.clear();
    }

    /** The events since the last call, oldest first. */
    public List<StackEvent> poll() {
        List<StackEvent> fresh = new ArrayList<>();
        String token = null;
        boolean done = false;
        while (!done) {
            String next = token;
            var response = cloudFormation.describeStackEvents(r -> r.stackName(stackName).nextToken(next));
            for (StackEvent event : response.stackEvents()) {
                if (seen.contains(event.eventId())) {
                    done = true;
                    break;
                }
                fresh.add(event);
            }
            token = response.nextToken();
            done = done || token == null;
        }
        Collections.reverse(fresh);
        fresh.forEach(e -> seen.add(e.eventId()));
        all.addAll(fresh);
        return fresh;
    }

    /** Every event reported since {@link #skipHistory()}, oldest first. */
    public List<StackEvent> reported() {
        return List.copyOf(all);
    }
}
