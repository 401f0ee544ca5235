package org.adaptivestream.protocol;

import java.util.Objects;
import org.adaptivestream.media.Rung;

/**
 * Client asks to start a video. The server answers with a {@link CodecConfig} and then
 * {@link VideoPacket}s from the keyframe at or before {@code startMicros}.
 *
 * @param loop true: start over at the end; false: send {@link EndOfStream} at the end
 */
public record Play(String videoId, long startMicros, Rung initialRung, boolean loop) implements Message {

    public static final int MAX_VIDEO_ID_BYTES = VideoInfo.MAX_ID_BYTES;

    public Play {
        Fields.utf8Within("videoId", videoId, MAX_VIDEO_ID_BYTES);
        Fields.nonNegative("startMicros", startMicros);
        Objects.requireNonNull(initialRung, "initialRung");
    }

    @Override
    public MessageType type() {
        return MessageType.PLAY;
    }
}
