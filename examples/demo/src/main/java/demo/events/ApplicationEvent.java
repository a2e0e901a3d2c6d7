package demo.events;

import io.jets.core.JetsEvent;

/** The base class of this application's event handlers: put what they share here. */
public abstract class ApplicationEvent extends JetsEvent {
}
