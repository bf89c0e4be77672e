package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.ErrorCategory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The few file-system facts the loader needs; the user's home comes from the given environment. */
final class FileSystem {
    private final String home;

    FileSystem(String home) {
        this.home = home;
    }

    String home() {
        return home;
    }

    boolean isFile(String path) {
        return Files.isRegularFile(Path.of(path));
    }

    boolean exists(String path) {
        return Files.exists(Path.of(path));
    }

    boolean isDirectory(String path) {
        return Files.isDirectory(Path.of(path));
    }

    String read(String path) {
        try {
            String s = Files.readString(Path.of(path), StandardCharsets.UTF_8);
            return s.startsWith("\uFEFF") ? s.substring(1) : s;
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ComposeException(ErrorCategory.NOT_FOUND, path, "open " + path
                    + ": no such file or directory");
        } catch (IOException e) {
            if (Files.isDirectory(Path.of(path))) {
                throw new ComposeException(path, "read " + path + ": is a directory", e);
            }
            throw new ComposeException(path, "failed to read " + path + ": " + e.getMessage(), e);
        }
    }

    /** filepath.EvalSymlinks, or the path itself when it cannot be resolved. */
    String realPath(String path) {
        try {
            return Path.of(path).toRealPath().toString();
        } catch (IOException e) {
            return path;
        }
    }
}
