/**
 * Network lab: a local TCP relay that emulates a bottleneck link (bandwidth fixed or replayed
 * from a trace, one-way delay, bounded queue with back-pressure, jitter), so adaptation can be
 * seen, tested and compared on one machine.
 *
 * <p>Entry points: {@link org.adaptivestream.netlab.NetworkLab#start NetworkLab.start} returns
 * an {@link org.adaptivestream.netlab.EmulatedLink}; profiles come from
 * {@link org.adaptivestream.netlab.NetworkProfiles}; a shared
 * {@link org.adaptivestream.netlab.TraceClock} keeps side-by-side links in step. Inside, per
 * direction: {@code Bottleneck} (virtual link clock and queue, shared by the link's
 * connections), then a {@code DelayLine} per connection, driven by {@code OneWayRelay}'s two
 * loops.
 */
package org.adaptivestream.netlab;
