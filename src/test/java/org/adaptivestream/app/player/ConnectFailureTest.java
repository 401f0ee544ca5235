package org.adaptivestream.app.player;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class ConnectFailureTest {

    @Test
    void describe_refusedOrUnknownHost_namesTheLikelyCause() {
        assertThat(ConnectFailure.describe(new ConnectException("Connection refused"), "127.0.0.1", 9443))
                .isEqualTo("Nothing is listening on 127.0.0.1:9443 (Connection refused). Is the server started, on this port?");
        assertThat(ConnectFailure.describe(new UnknownHostException("nowhere"), "nowhere", 9443))
                .startsWith("Unknown host 'nowhere'");
    }

    @Test
    void describe_otherFailureWithoutMessage_givesItsType() {
        assertThat(ConnectFailure.describe(new IOException(), "127.0.0.1", 9443)).isEqualTo("IOException");
        assertThat(ConnectFailure.describe(new IOException("handshake failed"), "127.0.0.1", 9443)).isEqualTo("handshake failed");
    }
}
