package io.jets.cli.app;

import java.util.List;

/**
 * The parent of every application class loader: it shows the application jets-core, the Lambda Java libraries
 * and Jackson exactly as the CLI loaded them, and nothing else of the CLI. So a user's {@code ClerkEvent}
 * extends the same {@code JetsEvent}, and takes the same {@code DynamodbEvent}, that the dispatcher and the local
 * runtime use, while the CLI's own dependencies (the AWS SDK, picocli) never leak into the application.
 */
final class SharedApiClassLoader extends ClassLoader {

    static final List<String> SHARED_PACKAGES = List.of(
            "io.jets.core.",
            "com.amazonaws.services.lambda.runtime.",
            "com.fasterxml.jackson.");

    static {
        registerAsParallelCapable();
    }

    private final ClassLoader cliLoader;

    SharedApiClassLoader(ClassLoader cliLoader) {
        super("jets-shared-api", ClassLoader.getPlatformClassLoader());
        this.cliLoader = cliLoader;
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (isShared(name)) {
            return cliLoader.loadClass(name);
        }
        return super.loadClass(name, resolve);
    }

    static boolean isShared(String className) {
        for (String prefix : SHARED_PACKAGES) {
            if (className.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
