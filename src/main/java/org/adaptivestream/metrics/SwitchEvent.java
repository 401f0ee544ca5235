package org.adaptivestream.metrics;

/**
 * A change of rung as the viewer saw it: when the first frame of the new rung was shown, and
 * why it was asked for (the decision's reason, or "manual lock").
 */
public record SwitchEvent(double timeSeconds, String from, String to, String reason) {
}
