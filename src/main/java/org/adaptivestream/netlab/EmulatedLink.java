package org.adaptivestream.netlab;

import java.net.InetSocketAddress;

/**
 * A running network lab: a local TCP relay whose every connection crosses an emulated link to
 * one upstream server. Connect to {@link #localAddress()} instead of the server; the bytes
 * (TLS records included, untouched) arrive after the profile's delay, at its capacity, through
 * its bounded queue. Started by {@link NetworkLab#start}.
 *
 * <h2>What the link does</h2>
 * <ul>
 *   <li><b>Downlink</b> (server to client): a FIFO bottleneck shared by all the link's
 *       connections, drained at the profile's capacity as replayed by the link's
 *       {@link TraceClock}, in chunks of at most 1500 bytes; then the one-way delay, with
 *       jitter, never reordering a stream. When the queue is full the relay stops reading
 *       from the server, so TCP back-pressure, not loss, throttles the sender.</li>
 *   <li><b>Uplink</b> (client to server): the same one-way delay, and the profile's uplink
 *       capacity if it has one.</li>
 *   <li><b>Ends of streams</b>: a half-close travels through the link behind the data and
 *       half-closes the far side; a reset, or a peer that vanished, resets the other side.</li>
 * </ul>
 *
 * <h2>Threads</h2>
 * The link runs one accepting thread and four threads per open connection, all daemon threads
 * named {@code netlab-<port>-...}; none call back into user code. Every method here is
 * thread-safe and returns at once, except {@link #close()}, and may be called from any thread,
 * including a GUI thread polling {@link #counters()} for charts.
 *
 * <h2>Lifecycle</h2>
 * The link accepts connections from the moment it is returned until {@link #close()}, which
 * closes the listening socket and every relayed connection and returns once all the link's
 * threads have ended, within a second. Closing twice is harmless.
 */
public interface EmulatedLink extends AutoCloseable {

    /** Where clients connect: loopback and an ephemeral port unless asked otherwise. */
    InetSocketAddress localAddress();

    /** The server every connection is relayed to. */
    InetSocketAddress upstream();

    NetworkProfile profile();

    /** The instant the profile's trace started; share it to replay traces in step. */
    TraceClock clock();

    /** A snapshot of the live counters. */
    LinkCounters counters();

    /** Stops the link: no new connections, every open one closed, all threads ended. */
    @Override
    void close();
}
