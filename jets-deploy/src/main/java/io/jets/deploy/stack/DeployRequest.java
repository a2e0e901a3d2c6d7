package io.jets.deploy.stack;

import io.jets.deploy.build.DeploymentJar.BuiltJar;
import io.jets.deploy.template.CfnTemplate;
import java.util.Objects;
import java.util.Optional;

/**
 * What to deploy: the stack ({@code demo-dev}), its template, the jar its functions run, an optional bucket
 * (else the bootstrap bucket), and whether to stop after showing the change set.
 */
public record DeployRequest(String stackName, CfnTemplate template, BuiltJar jar, Optional<String> bucket,
                            boolean dryRun) {

    public DeployRequest {
        Objects.requireNonNull(stackName, "stackName");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(jar, "jar");
        bucket = bucket.filter(b -> !b.isBlank());
    }
}
