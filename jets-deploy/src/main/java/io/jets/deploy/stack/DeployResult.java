package io.jets.deploy.stack;

import java.util.List;

/**
 * How a deploy ended.
 *
 * @param outcome what happened to the stack
 * @param changes the change set, one line per resource ({@code Add AWS::Lambda::Function ClerkEventFileFunction})
 * @param status  the stack's final status ({@code CREATE_COMPLETE}), or its status before a dry run
 */
public record DeployResult(Outcome outcome, List<String> changes, String status) {

    public DeployResult {
        changes = List.copyOf(changes);
    }

    public enum Outcome { CREATED, UPDATED, UNCHANGED, DRY_RUN }
}
