package io.jets.core.app;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** What the test handlers saw, for the tests to assert on (handlers are instantiated by the dispatcher). */
public final class Recorder {

    public static final List<Object> SEEN = new CopyOnWriteArrayList<>();

    private Recorder() {
    }

    public static void record(Object... values) {
        SEEN.add(values.length == 1 ? values[0] : List.of(values));
    }
}
