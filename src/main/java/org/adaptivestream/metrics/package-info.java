/** Live per-client measurements kept as time series: RTT, delivery delay, jitter, throughput, buffer, stalls. */
package org.adaptivestream.metrics;
