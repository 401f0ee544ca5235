package org.adaptivestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The committed fuzz corpus keeps up with the protocol: every message type has a seed for both
 * targets, each seed really is that type, and each decodes to a message (so the replay in
 * {@link ProtocolFuzzTest} checks its exact re-encoding, not only a refusal).
 */
class ProtocolCorpusTest {

    private static final Path CORPUS = Path.of("src/test/resources/org/adaptivestream/protocol/ProtocolFuzzTestInputs");
    private static final Path PAYLOADS = CORPUS.resolve("payload_decodesOrIsMalformedAndReencodesExactly");
    private static final Path STREAMS = CORPUS.resolve("streamDecoders_agreeFrameByFrameAndReencodeExactly");

    private static String seedName(MessageType type) {
        return type.name().toLowerCase(Locale.ROOT);
    }

    @Test
    void payloadCorpus_hasADecodableSeedForEveryType() throws Exception {
        for (MessageType type : MessageType.values()) {
            Path seed = PAYLOADS.resolve(seedName(type));
            assertThat(seed).as("seed for %s", type).isRegularFile();
            byte[] bytes = Files.readAllBytes(seed);
            // Jazzer's data provider takes the type (one byte) and then the flags (one byte) from the end.
            int picked = (bytes[bytes.length - 1] & 0xFF) % MessageType.values().length;
            assertThat(MessageType.values()[picked]).as("type the seed %s picks", seed).isEqualTo(type);
            byte[] payload = java.util.Arrays.copyOf(bytes, bytes.length - 2);
            assertThat(ProtocolFuzzTest.outcome(new Frame(type, 0, payload))).as(seed.toString()).startsWith("message ");
        }
    }

    @Test
    void streamCorpus_hasAFrameOfEveryType() throws Exception {
        for (MessageType type : MessageType.values()) {
            Path seed = STREAMS.resolve(seedName(type));
            assertThat(seed).as("seed for %s", type).isRegularFile();
            byte[] bytes = Files.readAllBytes(seed);
            assertThat(bytes[0] & 0xFF).as("first byte of %s", seed).isEqualTo(type.code());
            byte[] stream = java.util.Arrays.copyOf(bytes, bytes.length - 1); // the last byte is the chunk size
            assertThat(ProtocolFuzzTest.readAll(stream)).as(seed.toString())
                    .hasSize(2).first().asString().startsWith("message ");
        }
    }

    @Test
    void allTypesSeed_holdsEveryTypeInOrder() throws Exception {
        byte[] bytes = Files.readAllBytes(STREAMS.resolve("all-types-in-one-stream"));
        var outcomes = ProtocolFuzzTest.readAll(java.util.Arrays.copyOf(bytes, bytes.length - 1));
        assertThat(outcomes).hasSize(MessageType.values().length + 1).last().isEqualTo("end");
        for (int i = 0; i < MessageType.values().length; i++) {
            assertThat(outcomes.get(i)).as("frame %d", i)
                    .startsWith(String.format("message %02x", MessageType.values()[i].code()));
        }
    }
}
