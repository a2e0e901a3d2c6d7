package io.jets.core.app;

import io.jets.core.JetsEvent;

/** What `jets new` generates: the application's own base class. */
public abstract class ApplicationEvent extends JetsEvent {
}
