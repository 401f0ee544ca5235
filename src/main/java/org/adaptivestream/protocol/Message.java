package org.adaptivestream.protocol;

/**
 * Everything that can travel in a frame: a closed set of immutable records, one per
 * {@link MessageType}. On Java 17, dispatch with {@code switch (message.type())} (exhaustive over
 * the enum) or {@code instanceof} patterns.
 *
 * <p>Who sends what: the client sends {@link Hello}, {@link CatalogRequest}, {@link Play},
 * {@link SwitchRung}, {@link Pause}, {@link Resume}, {@link Seek}, {@link Stop}, {@link Ping},
 * {@link ClientReport} (version 2), {@link Received} (version 3);
 * the server sends {@link Welcome}, {@link CatalogReply}, {@link CodecConfig},
 * {@link VideoPacket}, {@link Pong}, {@link ServerReport}, {@link EndOfStream}; either side
 * sends {@link ErrorMessage} and {@link Bye}. The codec does not enforce direction; sessions do.
 *
 * <p>All times are microseconds. Media times (pts, dts, positions) count from the start of the
 * video; clock times (send and receive times) are each side's own monotonic microsecond clock,
 * related through {@link Ping}/{@link Pong}.
 */
public sealed interface Message
        permits Hello, Welcome, Bye, ErrorMessage, Ping, Pong, CatalogRequest, CatalogReply, Play,
                SwitchRung, Pause, Resume, Seek, Stop, CodecConfig, VideoPacket, ServerReport,
                EndOfStream, ClientReport, Received, DropGop {

    MessageType type();
}
