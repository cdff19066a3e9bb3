package io.adalab.core.events;

/**
 * Receives run events on the producing run's thread. Implementations must return quickly and never
 * block on I/O or clients: hand the event to your own queue (the store) or overwrite a latest value
 * (progress bars). An exception is logged and does not reach the trainer.
 */
@FunctionalInterface
public interface RunListener {
    /** Called for every event. */
    void onEvent(RunEvent event);
}
