package io.jets.cli.dev;

import io.jets.cli.app.Fingerprint;
import io.jets.cli.app.LoadedApp;
import io.jets.cli.app.MavenApp;
import io.jets.cli.app.MavenRunner;
import io.jets.runtime.local.LocalRuntime;
import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Keeps {@code jets dev} running the code as last compiled. A change to the sources or the pom is compiled with
 * Maven; a compile error is shown and the previous code keeps running. New classes in {@code target/classes}
 * (compiled here, by {@code mvn compile} or by an IDE) are swapped into the runtime, which resumes every mapping
 * from its checkpoint.
 */
public final class HotReload {

    private final MavenApp app;
    private final LocalRuntime runtime;
    private final PrintWriter out;
    private final Consumer<LoadedApp> onReload;
    private LoadedApp current;
    private long sources;
    private long classes;
    private long pendingClasses;

    public HotReload(MavenApp app, LocalRuntime runtime, LoadedApp current, PrintWriter out, Consumer<LoadedApp> onReload) {
        this.app = app;
        this.runtime = runtime;
        this.current = current;
        this.out = out;
        this.onReload = onReload;
        this.sources = app.sourcesFingerprint();
        this.classes = Fingerprint.of(app.classesDirectory());
        this.pendingClasses = classes;
    }

    /** The generation now running. */
    public synchronized LoadedApp current() {
        return current;
    }

    /** Looks once for changes and acts on them; {@code jets dev} calls this twice a second. */
    public synchronized void scan() {
        long sourcesNow = app.sourcesFingerprint();
        if (sourcesNow != sources) {
            sources = sourcesNow;
            out.println("Change detected: compiling (mvn -q compile)...");
            out.flush();
            MavenRunner.Result result = app.compile();
            if (!result.succeeded()) {
                out.println("Compile failed; the previous code keeps running:");
                out.println(result.errors());
                out.flush();
                classes = Fingerprint.of(app.classesDirectory());
                pendingClasses = classes;
                return;
            }
            reload();
            return;
        }
        long classesNow = Fingerprint.of(app.classesDirectory());
        if (classesNow != classes) {
            // Another build is writing: reload once two scans in a row see the same classes.
            if (classesNow == pendingClasses) {
                reload();
            } else {
                pendingClasses = classesNow;
            }
        }
    }

    private void reload() {
        try {
            LoadedApp next = LoadedApp.load(app);
            runtime.reload(next::newDispatcher, next.index().functions());
            LoadedApp previous = current;
            current = next;
            previous.close();
            out.println("Reloaded: " + next.index().functions().size() + " function(s), checkpoints kept.");
            onReload.accept(next);
        } catch (RuntimeException e) {
            out.println("Reload failed; the previous code keeps running: " + e.getMessage());
        } finally {
            classes = Fingerprint.of(app.classesDirectory());
            pendingClasses = classes;
            out.flush();
        }
    }
}
