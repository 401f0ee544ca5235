/**
 * Soak testing: a real server and many real clients on loopback, connecting, streaming and
 * leaving (politely or abruptly) for a set time, with the process's heap, threads and file
 * descriptors sampled throughout. Not part of {@code mvn verify}; run with
 * {@code adaptivestream soak}.
 */
package org.adaptivestream.soak;
