package org.adaptivestream.client;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.adaptivestream.adaptation.InFlightVideo;
import org.adaptivestream.adaptation.estimate.LinkEstimates;
import org.adaptivestream.adaptation.estimate.LinkEstimators;
import org.adaptivestream.metrics.ClockOffsetEstimator;
import org.adaptivestream.metrics.ClockSample;
import org.adaptivestream.metrics.InterarrivalJitter;
import org.adaptivestream.metrics.Metric;
import org.adaptivestream.metrics.SessionMetrics;

/**
 * What the client measures of the link, behind one lock: the reader thread adds every packet
 * and pong as it arrives, the control thread reads the estimates for the policy and closes each
 * control period into the session's metrics. Times are microseconds on the client's monotonic
 * clock; the estimators and metrics count seconds since the session started.
 */
final class LinkMeasurements {

    private final SessionMetrics metrics;
    private final long startMicros;
    private final LinkEstimators estimators = new LinkEstimators();
    private final ClockOffsetEstimator clock = new ClockOffsetEstimator();
    private final InterarrivalJitter jitter = new InterarrivalJitter();
    private final InFlightVideo inFlight = new InFlightVideo();
    private final List<Double> delaySamplesMillis = new ArrayList<>();
    private long bytesInPeriod;

    LinkMeasurements(SessionMetrics metrics, long startMicros) {
        this.metrics = metrics;
        this.startMicros = startMicros;
    }

    /**
     * A video packet of {@code bytes} arrived at {@code arrivalMicros}. Returns its send time on
     * our clock, or empty while the server's clock is unknown: until the first pong its send
     * times could be hours off ours (a client that plays at once after connecting). Such a
     * packet still counts as bytes received and towards jitter (a difference of transits, which
     * needs no common clock), but not as a delay or a capacity sample.
     */
    OptionalLong onPacket(long serverSendMicros, long arrivalMicros, int bytes) {
        metrics.frameReceived(bytes);
        synchronized (this) {
            OptionalLong sent = clock.toClientClock(serverSendMicros);
            bytesInPeriod += bytes;
            jitter.add(serverSendMicros, arrivalMicros);
            if (sent.isPresent()) {
                inFlight.arrived(seconds(sent.getAsLong()));
                delaySamplesMillis.add((arrivalMicros - sent.getAsLong()) / 1000.0);
                estimators.onWholeFrame(seconds(sent.getAsLong()), seconds(arrivalMicros), bytes * 8.0);
            } else {
                estimators.onUntimedFrame(seconds(arrivalMicros), bytes * 8.0);
            }
            return sent;
        }
    }

    void onPong(ClockSample sample) {
        synchronized (this) {
            clock.add(sample);
            estimators.onPong(seconds(sample.t3()), sample.roundTripMicros() / 1e6);
        }
        metrics.record(Metric.RTT, seconds(sample.t3()), sample.roundTripMicros() / 1000.0);
    }

    synchronized LinkEstimates estimates(double nowSeconds) {
        return estimators.snapshot(nowSeconds);
    }

    /** Records the throughput, mean delivery delay and jitter of the control period that ends now. */
    synchronized void closePeriod(double nowSeconds, double periodSeconds) {
        metrics.record(Metric.THROUGHPUT, nowSeconds, bytesInPeriod * 8 / periodSeconds / 1e6);
        bytesInPeriod = 0;
        if (!delaySamplesMillis.isEmpty()) {
            metrics.record(Metric.DELIVERY_DELAY, nowSeconds,
                    delaySamplesMillis.stream().mapToDouble(Double::doubleValue).average().orElse(0));
            delaySamplesMillis.clear();
        }
        metrics.record(Metric.JITTER, nowSeconds, jitter.jitterMicros() / 1000.0);
    }

    /** Seconds of the stream the server has sent that have not arrived ({@link InFlightVideo}). */
    synchronized double inFlightSeconds(double nowSeconds, double oneWaySeconds) {
        return inFlight.seconds(nowSeconds, oneWaySeconds);
    }

    /** We asked the server to drop the next GOP of {@code gopSeconds}. */
    synchronized void dropAsked(double nowSeconds, double oneWaySeconds, double gopSeconds) {
        inFlight.dropAsked(nowSeconds, oneWaySeconds, gopSeconds);
    }

    /** A new play or seek: what was in flight belongs to the old timeline. */
    synchronized void restartInFlight() {
        inFlight.reset();
    }

    /** A new connection's packets are no transit from the old one's. */
    synchronized void restartJitter() {
        jitter.restart();
    }

    private double seconds(long micros) {
        return (micros - startMicros) / 1e6;
    }
}
