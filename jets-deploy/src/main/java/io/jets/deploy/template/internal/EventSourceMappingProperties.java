package io.jets.deploy.template.internal;

import io.jets.core.index.TriggerDefinition;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every property of a trigger as an {@code AWS::Lambda::EventSourceMapping}: all settings are written out, even
 * AWS's defaults, so the template says exactly what runs.
 */
public final class EventSourceMappingProperties {

    private EventSourceMappingProperties() {
    }

    public static Map<String, Object> of(TriggerDefinition trigger, String streamArn, Object functionName) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("FunctionName", functionName);
        properties.put("EventSourceArn", streamArn);
        properties.put("StartingPosition", trigger.startingPosition().name());
        properties.put("BatchSize", trigger.batchSize());
        properties.put("MaximumBatchingWindowInSeconds", trigger.maximumBatchingWindowInSeconds());
        properties.put("ParallelizationFactor", trigger.parallelizationFactor());
        properties.put("BisectBatchOnFunctionError", trigger.bisectBatchOnFunctionError());
        properties.put("MaximumRetryAttempts", trigger.maximumRetryAttempts());
        properties.put("MaximumRecordAgeInSeconds", trigger.maximumRecordAgeInSeconds());
        properties.put("TumblingWindowInSeconds", trigger.tumblingWindowInSeconds());
        properties.put("Enabled", trigger.enabled());
        if (!trigger.onFailure().isEmpty()) {
            properties.put("DestinationConfig", Map.of("OnFailure", Map.of("Destination", trigger.onFailure())));
        }
        if (!trigger.filters().isEmpty()) {
            properties.put("FilterCriteria", Map.of("Filters",
                    trigger.filters().stream().map(pattern -> Map.of("Pattern", pattern)).toList()));
        }
        if (trigger.reportBatchItemFailures()) {
            properties.put("FunctionResponseTypes", List.of("ReportBatchItemFailures"));
        }
        return properties;
    }
}
