/**
 * Wire protocol: length-prefixed binary frames and the messages they carry. No JavaFX, no
 * sockets; the layouts are drawn in {@code docs/PROTOCOL.md}.
 *
 * <ul>
 *   <li>{@link org.adaptivestream.protocol.Message}: the closed set of immutable message records;</li>
 *   <li>{@link org.adaptivestream.protocol.MessageReader} / {@link org.adaptivestream.protocol.MessageWriter}:
 *       blocking, on a socket's streams (what the server and client use);</li>
 *   <li>{@link org.adaptivestream.protocol.FrameDecoder}: incremental, fed arbitrary chunks;</li>
 *   <li>{@link org.adaptivestream.protocol.MessageCodec}: frame bytes to and from messages;</li>
 *   <li>{@link org.adaptivestream.protocol.ProtocolException} and its subclasses: every way the
 *       peer's bytes can be wrong, each carrying the offending value.</li>
 * </ul>
 */
package org.adaptivestream.protocol;
