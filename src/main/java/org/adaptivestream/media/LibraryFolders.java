package org.adaptivestream.media;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.UUID;

/**
 * The library's folder discipline: a video is built in a hidden staging folder inside
 * {@code static/} (same file system, so the final rename is atomic) and appears under its id
 * only when complete. Hidden folders are never listed as videos.
 */
final class LibraryFolders {

    static final String STAGING_PREFIX = ".prepare-";
    static final String RETIRED_PREFIX = ".replaced-";

    private LibraryFolders() {
    }

    static boolean isHidden(Path folder) {
        return folder.getFileName().toString().startsWith(".");
    }

    static Path createStaging(Path staticDir, VideoId id) throws OutputNotWritableException {
        try {
            Files.createDirectories(staticDir);
        } catch (IOException e) {
            throw new OutputNotWritableException("Cannot create the library folder " + staticDir + ": " + reason(e), e);
        }
        try {
            // Not createTempDirectory: its owner-only permissions would stay on the published folder.
            return Files.createDirectory(staticDir.resolve(STAGING_PREFIX + id + "-" + UUID.randomUUID()));
        } catch (IOException e) {
            throw new OutputNotWritableException("Cannot write in the library folder " + staticDir + ": " + reason(e), e);
        }
    }

    /** Moves a complete staging folder to its id; with {@code replace}, the old video goes only once the new one is in place. */
    static void publish(Path staging, Path target, boolean replace) throws MediaException {
        if (!Files.exists(target)) {
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                return;
            } catch (FileAlreadyExistsException e) {
                // Someone published the same id meanwhile; fall through to the replace rules.
            } catch (IOException e) {
                throw cannotPublish(target, e);
            }
        }
        if (!replace) {
            throw alreadyExists(target);
        }
        Path retired = target.resolveSibling(RETIRED_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
        try {
            Files.move(target, retired, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw cannotPublish(target, e);
        }
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.move(retired, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException restoreFailure) {
                e.addSuppressed(restoreFailure);
            }
            throw cannotPublish(target, e);
        }
        deleteQuietly(retired);
    }

    static VideoAlreadyExistsException alreadyExists(Path target) {
        return new VideoAlreadyExistsException("A video with id \"" + target.getFileName() + "\" already exists at "
                + target + "; choose another id or ask to replace it");
    }

    private static OutputNotWritableException cannotPublish(Path target, IOException e) {
        String why = e instanceof AtomicMoveNotSupportedException ? "the file system cannot rename atomically" : reason(e);
        return new OutputNotWritableException("Cannot move the prepared video into place at " + target + ": " + why, e);
    }

    /** Deletes a folder tree, ignoring failures: used to clean up after failed or replaced work. */
    static void deleteQuietly(Path folder) {
        if (folder == null || !Files.exists(folder)) {
            return;
        }
        try {
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // Best effort: a leftover hidden folder is never listed and does no harm.
        }
    }

    static String reason(IOException e) {
        String name = e.getClass().getSimpleName();
        return switch (name) {
            case "AccessDeniedException" -> "permission denied";
            case "FileSystemException" -> String.valueOf(e.getMessage());
            case "NoSuchFileException" -> "a parent folder does not exist";
            case "NotDirectoryException", "FileAlreadyExistsException" -> "a file is in the way of a folder (" + e.getMessage() + ")";
            default -> name + ": " + e.getMessage();
        };
    }
}
