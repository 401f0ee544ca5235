/** The TLS streaming server: one session per client, real-time pacing, rung switches at keyframes. */
package org.adaptivestream.server;
