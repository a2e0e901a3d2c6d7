package io.jets.cli.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * One generation of a user application's code: its {@code target/classes} and runtime dependencies over the
 * shared API ({@link SharedApiClassLoader}). Hot reload builds a new one and closes the old one.
 */
public final class AppClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    AppClassLoader(List<Path> classpath, ClassLoader cliLoader) {
        super("jets-app", urls(classpath), new SharedApiClassLoader(cliLoader));
    }

    /** Closes the loader's jar files; classes already loaded keep working until unreachable. */
    @Override
    public void close() {
        try {
            super.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL[] urls(List<Path> classpath) {
        URL[] urls = new URL[classpath.size()];
        for (int i = 0; i < urls.length; i++) {
            try {
                urls[i] = classpath.get(i).toUri().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalArgumentException("Not a classpath entry: " + classpath.get(i), e);
            }
        }
        return urls;
    }
}
