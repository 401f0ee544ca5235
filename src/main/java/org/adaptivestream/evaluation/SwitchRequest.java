package org.adaptivestream.evaluation;

import org.adaptivestream.media.Rung;

/** The client asked for {@code rung} at {@code timeSeconds}, for {@code reason}. */
public record SwitchRequest(double timeSeconds, Rung rung, String reason) {
}
