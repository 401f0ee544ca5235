package org.adaptivestream.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Fuzz target for the known-servers file, which a user (or anything running as the user) may
 * edit. Parsing gives entries or a {@link KnownServersFormatException} naming a line that
 * exists; entries written back the way {@link KnownServers#remember} writes them parse to the
 * same entries. Corpus: {@code KnownServersFuzzTestInputs}.
 */
class KnownServersFuzzTest {

    private static final Path SOURCE = Path.of("known-servers");

    @FuzzTest(maxDuration = "3m")
    void parse_refusesWithLineNumberOrRoundTrips(byte[] file) {
        List<String> lines = new String(file, StandardCharsets.UTF_8).lines().toList();
        List<KnownServers.Entry> entries;
        try {
            entries = KnownServers.parse(lines, SOURCE);
        } catch (KnownServersFormatException e) {
            assertThat(e.getMessage()).contains(SOURCE.toString());
            return;
        }
        assertThat(entries.size()).isLessThanOrEqualTo(lines.size());
        List<String> written = entries.stream()
                .map(e -> KnownServers.endpoint(e.host(), e.port()) + " " + e.fingerprint().colonHex())
                .toList();
        List<KnownServers.Entry> again;
        try {
            again = KnownServers.parse(written, SOURCE);
        } catch (KnownServersFormatException e) {
            throw new AssertionError("entries we parsed do not parse once written: " + written, e);
        }
        assertThat(again).isEqualTo(entries);
    }
}
