package io.berth.scheduler.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What this host is: name, CPUs, memory, kernel, OS. Read from /proc and /etc, never guessed. */
public record HostFacts(String hostname, int cpus, long memoryBytes, String kernel, String operatingSystem) {

    public static HostFacts read() {
        return new HostFacts(
                firstLine(Path.of("/proc/sys/kernel/hostname"), "localhost"),
                Runtime.getRuntime().availableProcessors(),
                memTotal(),
                firstLine(Path.of("/proc/sys/kernel/osrelease"), System.getProperty("os.version")),
                prettyName());
    }

    private static long memTotal() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Runtime.getRuntime().maxMemory();
        }
        return Runtime.getRuntime().maxMemory();
    }

    private static String prettyName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            return "Linux";
        }
        return "Linux";
    }

    private static String firstLine(Path file, String fallback) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            return fallback;
        }
    }
}
