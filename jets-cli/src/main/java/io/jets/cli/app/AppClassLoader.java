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
 * shared API ({@link SharedApiClassLoader}). Hot reload builds a new one and closes the old one; each local
 * "container" has a {@link #sibling()} of its own.
 */
public final class AppClassLoader extends URLClassLoader {

    static {
        registerAsParallelCapable();
    }

    AppClassLoader(List<Path> classpath, ClassLoader cliLoader) {
        super("jets-app", urls(classpath), new SharedApiClassLoader(cliLoader));
    }

    private AppClassLoader(URL[] urls, ClassLoader sharedApi) {
        super("jets-app", urls, sharedApi);
    }

    /**
     * A new loader over the same classpath and the same shared API: the application's classes are defined anew in
     * it, with static state of their own, as in another Lambda execution environment.
     */
    AppClassLoader sibling() {
        return new AppClassLoader(getURLs(), getParent());
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
