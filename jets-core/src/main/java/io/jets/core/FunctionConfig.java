package io.jets.core;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Per-function Lambda settings for a handler method. Unset values (0 or empty) fall back to the project
 * configuration ({@code functions.timeout}, {@code functions.memory_size}) and then to the defaults.
 *
 * <pre>{@code
 * @DynamoDbTrigger("orders")
 * @FunctionConfig(timeoutSeconds = 60, memorySize = 1024, environment = {"MODE=strict"})
 * public void audit() { … }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface FunctionConfig {

    /** Timeout: 1..900 seconds; 0 uses the project default (30). */
    int timeoutSeconds() default 0;

    /** MemorySize: 128..10240 MB; 0 uses the project default (1536). */
    int memorySize() default 0;

    /** Environment variables as {@code NAME=value}. */
    String[] environment() default {};

    /** Function description. */
    String description() default "";
}
