/** Benchmarks that assemble the real parts (server, clients, network lab) on loopback and measure them. */
package org.adaptivestream.bench;
