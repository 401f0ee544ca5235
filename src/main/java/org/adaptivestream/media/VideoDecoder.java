package org.adaptivestream.media;

/**
 * Decodes compressed packets of a rendition into BGRA pictures: the client's seam between
 * received packets and the screen, so tests and other decoders can stand in for FFmpeg.
 *
 * <p>Use: {@link #configure} with the rendition's {@link CodecConfig}, then feed packets in
 * decode order to {@link #decode}; each call hands zero or more frames to the consumer before
 * it returns (a decoder may hold a frame back until a later packet). To switch rendition,
 * call {@link #configure} with the new rendition's configuration and continue from one of its
 * keyframes; frames still held from the old one are dropped. At the end of a stream,
 * {@link #flush} hands out the frames held back.
 *
 * <p>Errors: a packet the decoder cannot decode throws {@link DecodeException}; the decoder
 * stays usable and decodes again from the next keyframe.
 *
 * <p>Threading: not thread-safe; use one decoder from one thread. Buffers are reused between
 * frames: a {@link DecodedFrame}'s pixels are valid only inside the consumer call, unless the
 * consumer lent the picture they are in ({@link FrameConsumer#lendsPictures}).
 */
public interface VideoDecoder extends AutoCloseable {

    /** Sets up for a rendition; a no-op if the configuration is the current one. */
    void configure(CodecConfig config) throws DecodeException;

    /** Decodes one packet; frames that become ready go to {@code consumer}. */
    void decode(EncodedPacket packet, FrameConsumer consumer) throws DecodeException;

    /**
     * Decodes one packet for its effect on the decoder only (later packets refer to it), for
     * frames that will not be shown: frames that become ready are counted, not converted to
     * BGRA. Errors as for {@link #decode}.
     *
     * @return how many frames became ready
     */
    default int skip(EncodedPacket packet) throws DecodeException {
        int[] frames = {0};
        decode(packet, frame -> frames[0]++);
        return frames[0];
    }

    /** Hands out frames held back at the end of a stream and readies the decoder for a new one. */
    void flush(FrameConsumer consumer) throws DecodeException;

    /** Frees native resources; the decoder cannot be used afterwards. */
    @Override
    void close();
}
