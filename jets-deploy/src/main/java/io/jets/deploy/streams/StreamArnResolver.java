package io.jets.deploy.streams;

import io.jets.core.index.TriggerDefinition;

/**
 * Gives the stream ARN a trigger reads: an explicit ARN as written, a table's {@code LatestStreamArn} otherwise.
 * Called at deploy (or template) time only, never when a handler class loads.
 */
@FunctionalInterface
public interface StreamArnResolver {

    String streamArn(TriggerDefinition trigger);
}
