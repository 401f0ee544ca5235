package org.adaptivestream.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Heap, threads and open file descriptors of this process at one moment.
 *
 * @param heapUsedBytes heap in use right after a requested full GC, so that growth means retention
 * @param threads       live threads
 * @param openFiles     entries in {@code /proc/self/fd}, or the JDK's count where there is no /proc; -1 if unknown
 */
public record ProcessVitals(long heapUsedBytes, int threads, long openFiles) {

    private static final Path PROC_FDS = Path.of("/proc/self/fd");

    /** Samples now; {@code collect} asks for a full GC first (a soak can afford one every few seconds). */
    public static ProcessVitals sample(boolean collect) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        if (collect) {
            memory.gc();
        }
        return new ProcessVitals(memory.getHeapMemoryUsage().getUsed(),
                ManagementFactory.getThreadMXBean().getThreadCount(), countOpenFiles());
    }

    public static long countOpenFiles() {
        if (Files.isDirectory(PROC_FDS)) {
            try (Stream<Path> fds = Files.list(PROC_FDS)) {
                return fds.count() - 1; // the listing's own descriptor
            } catch (IOException e) {
                return -1;
            }
        }
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            return unix.getOpenFileDescriptorCount();
        }
        return -1;
    }

    public double heapUsedMegabytes() {
        return heapUsedBytes / (1024.0 * 1024.0);
    }

    @Override
    public String toString() {
        return String.format("heap %.1f MB, %d threads, %d fds", heapUsedMegabytes(), threads, openFiles);
    }
}
