package io.berth.agent.registry;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.AnnotatedElementContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.io.TempDirFactory;

/**
 * Makes {@code @TempDir}s under {@code target/it-scratch} instead of /tmp: this machine's /tmp is shared, and
 * directories there have vanished under running tests.
 */
public final class ScratchDirFactory implements TempDirFactory {
    @Override
    public Path createTempDirectory(AnnotatedElementContext element, ExtensionContext context) throws IOException {
        AnnotatedElement ignored = element.getAnnotatedElement();
        return Files.createTempDirectory(RegistryServer.scratchRoot(), "junit-");
    }
}
