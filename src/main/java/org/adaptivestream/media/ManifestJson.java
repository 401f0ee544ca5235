package org.adaptivestream.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code manifest.json}; any fault in a stored manifest is a damaged video. */
final class ManifestJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            // Newer versions may add fields; an older app can still list and play the video.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private ManifestJson() {
    }

    static String toJson(Manifest manifest) {
        try {
            return MAPPER.writeValueAsString(manifest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a manifest record always serialises", e);
        }
    }

    static Manifest fromJson(String json, String where) throws DamagedVideoException {
        try {
            return MAPPER.readValue(json, Manifest.class);
        } catch (IOException | RuntimeException e) {
            throw new DamagedVideoException("Corrupt manifest " + where + ": " + firstLine(e), e);
        }
    }

    static void write(Path videoFolder, Manifest manifest) throws OutputNotWritableException {
        Path file = videoFolder.resolve(Manifest.FILE_NAME);
        try {
            Files.writeString(file, toJson(manifest));
        } catch (IOException e) {
            throw new OutputNotWritableException("Cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads a video folder's manifest and checks that it belongs to that folder. */
    static Manifest read(Path videoFolder) throws DamagedVideoException {
        Path file = videoFolder.resolve(Manifest.FILE_NAME);
        String json;
        try {
            json = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DamagedVideoException("Missing manifest: " + file, e);
        } catch (IOException e) {
            throw new DamagedVideoException("Cannot read manifest " + file + ": " + e.getMessage(), e);
        }
        Manifest manifest = fromJson(json, file.toString());
        String folderName = videoFolder.getFileName().toString();
        if (!manifest.id().equals(folderName)) {
            throw new DamagedVideoException("Manifest " + file + " names id \"" + manifest.id() + "\", not its folder's");
        }
        return manifest;
    }

    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
