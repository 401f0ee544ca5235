package org.adaptivestream.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {

    private static final long MS = 1_000;

    @Test
    void firstPacket_isAcknowledgedAtOnce() {
        assertThat(new Acknowledgements().onPacket(0, 5 * MS)).isEqualTo(new Received(0));
    }

    @Test
    void packetsWithinTheInterval_waitForTheNextOne_orThePeriodicFlush() {
        Acknowledgements acks = new Acknowledgements();
        acks.onPacket(0, 0);
        assertThat(acks.onPacket(1, 33 * MS)).isNull();
        assertThat(acks.onPacket(2, 66 * MS)).isNull();
        assertThat(acks.onPacket(3, 250 * MS)).as("a whole interval after the last").isEqualTo(new Received(3));
        assertThat(acks.onPacket(4, 283 * MS)).isNull();
        assertThat(acks.owed(300 * MS)).isEqualTo(new Received(4));
        assertThat(acks.owed(310 * MS)).as("nothing read since").isNull();
    }

    @Test
    void thirtyFramesASecond_costAboutFourAcknowledgements() {
        Acknowledgements acks = new Acknowledgements();
        int sent = 0;
        for (int frame = 0; frame < 30; frame++) {
            if (acks.onPacket(frame, frame * 1_000_000L / 30) != null) {
                sent++;
            }
        }
        assertThat(sent).isBetween(3, 4);
    }

    @Test
    void outOfOrderSequence_neverLowersWhatIsAcknowledged() {
        Acknowledgements acks = new Acknowledgements();
        acks.onPacket(7, 0);
        assertThat(acks.onPacket(3, 300 * MS)).isEqualTo(new Received(7));
    }

    @Test
    void theWritingForms_writeWhatIsDue_andNothingElse() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        MessageWriter out = new MessageWriter(bytes);
        Acknowledgements acks = new Acknowledgements();
        acks.onPacket(0, 0, out);
        acks.onPacket(1, 33 * MS, out);
        acks.sendOwed(250 * MS, out);
        acks.sendOwed(260 * MS, out);

        MessageReader in = new MessageReader(new ByteArrayInputStream(bytes.toByteArray()));
        assertThat(in.read()).contains(new Received(0));
        assertThat(in.read()).contains(new Received(1));
        assertThat(in.read()).isEmpty();
    }
}
