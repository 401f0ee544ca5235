package org.adaptivestream.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The servers a user has trusted, like SSH's {@code known_hosts}: a text file in the user's
 * configuration folder, one server per line.
 *
 * <pre>
 * # AdaptiveStream known servers: host:port SHA-256-fingerprint
 * localhost:8443 3F:A2:…:9C
 * [::1]:8443     3fa2…9c
 * </pre>
 *
 * Blank lines and {@code #} comments (whole-line or trailing) are allowed; IPv6 hosts go in
 * brackets; host names are compared case-insensitively; each host:port appears once. A
 * malformed line is an error naming its line number, never silently skipped (a skipped line
 * would turn into a first-contact prompt and invite a careless "accept").
 *
 * <p>The file is read on every lookup, so edits by hand take effect at once, and written
 * atomically (owner-only) when a server is added. Thread-safe within one process.
 */
public final class KnownServers {

    public static final String DEFAULT_FILE_NAME = "known-servers";
    private static final String HEADER = "# AdaptiveStream known servers: host:port SHA-256-fingerprint";

    private final Path file;

    public KnownServers(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    /** The file {@value #DEFAULT_FILE_NAME} in a configuration folder. */
    public static KnownServers inConfigDir(Path configDir) {
        return new KnownServers(configDir.resolve(DEFAULT_FILE_NAME));
    }

    public Path file() {
        return file;
    }

    /** One trusted server. */
    public record Entry(String host, int port, CertificateFingerprint fingerprint) {
        public Entry {
            host = normalizeHost(host);
            checkPort(port);
            Objects.requireNonNull(fingerprint, "fingerprint");
        }
    }

    /** The fingerprint trusted for this server, if any. */
    public synchronized Optional<CertificateFingerprint> lookup(String host, int port) throws IOException {
        String wanted = normalizeHost(host);
        return entries().stream()
                .filter(e -> e.host().equals(wanted) && e.port() == port)
                .map(Entry::fingerprint)
                .findFirst();
    }

    /** All entries, in file order; empty if the file does not exist. */
    public synchronized List<Entry> entries() throws IOException {
        return parse(readLines(), file);
    }

    /**
     * Saves a server as trusted. Re-adding the same fingerprint does nothing; a different one
     * for a known server is refused, because replacing a trusted key must be a deliberate edit.
     */
    public synchronized void remember(String host, int port, CertificateFingerprint fingerprint) throws IOException {
        List<String> lines = readLines();
        Optional<CertificateFingerprint> known = parse(lines, file).stream()
                .filter(e -> e.host().equals(normalizeHost(host)) && e.port() == port)
                .map(Entry::fingerprint).findFirst();
        if (known.isPresent()) {
            if (known.get().equals(fingerprint)) {
                return;
            }
            throw new IllegalStateException(endpoint(host, port) + " is already known with another fingerprint "
                    + known.get() + "; remove its line from " + file + " first");
        }
        List<String> updated = new ArrayList<>(lines);
        if (updated.isEmpty()) {
            updated.add(HEADER);
        }
        updated.add(endpoint(host, port) + " " + fingerprint.colonHex());
        SecureFiles.createPrivateDirectories(file.toAbsolutePath().getParent());
        SecureFiles.writeAtomically(file, (String.join("\n", updated) + "\n").getBytes(StandardCharsets.UTF_8), true);
    }

    private List<String> readLines() throws IOException {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /**
     * Parses known-servers lines.
     *
     * @param source only for messages; may be null
     * @throws KnownServersFormatException at the first bad line
     */
    public static List<Entry> parse(List<String> lines, Path source) throws KnownServersFormatException {
        Map<String, Integer> firstLineOf = new LinkedHashMap<>();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNumber = i + 1;
            String line = lines.get(i);
            int hash = line.indexOf('#');
            String content = (hash >= 0 ? line.substring(0, hash) : line).strip();
            if (content.isEmpty()) {
                continue;
            }
            String[] fields = content.split("\\s+");
            if (fields.length != 2) {
                throw new KnownServersFormatException(source, lineNumber, line,
                        "expected 2 fields, found " + fields.length);
            }
            Entry entry;
            try {
                String[] hostAndPort = splitEndpoint(fields[0]);
                entry = new Entry(hostAndPort[0], parsePort(hostAndPort[1]),
                        CertificateFingerprint.parse(fields[1]));
            } catch (IllegalArgumentException e) {
                throw new KnownServersFormatException(source, lineNumber, line, e.getMessage());
            }
            String key = endpoint(entry.host(), entry.port());
            Integer earlier = firstLineOf.putIfAbsent(key, lineNumber);
            if (earlier != null) {
                throw new KnownServersFormatException(source, lineNumber, line,
                        key + " is already listed on line " + earlier);
            }
            entries.add(entry);
        }
        return entries;
    }

    /** "host:port", with IPv6 literals in brackets. */
    static String endpoint(String host, int port) {
        String normalized = normalizeHost(host);
        return (normalized.contains(":") ? "[" + normalized + "]" : normalized) + ":" + port;
    }

    private static String[] splitEndpoint(String text) {
        if (text.startsWith("[")) {
            int close = text.indexOf("]:");
            if (close < 0) {
                throw new IllegalArgumentException("IPv6 host needs the form [address]:port");
            }
            return new String[] {text.substring(1, close), text.substring(close + 2)};
        }
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || text.indexOf(':') != colon) {
            throw new IllegalArgumentException("missing port (write host:port, IPv6 as [address]:port)");
        }
        return new String[] {text.substring(0, colon), text.substring(colon + 1)};
    }

    private static int parsePort(String text) {
        try {
            return checkPort(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port is not a number: '" + text + "'");
        }
    }

    private static int checkPort(int port) {
        if (port < 1 || port > 0xFFFF) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        return port;
    }

    private static String normalizeHost(String host) {
        Objects.requireNonNull(host, "host");
        String trimmed = host.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        // Brackets only delimit an IPv6 literal; one left inside ("[[::1]:9") would be written back unreadable.
        if (trimmed.isEmpty() || trimmed.chars().anyMatch(c -> Character.isWhitespace(c) || c == '#' || c == '[' || c == ']')) {
            throw new IllegalArgumentException("not a host name: '" + host + "'");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
