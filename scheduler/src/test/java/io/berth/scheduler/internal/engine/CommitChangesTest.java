package io.berth.scheduler.internal.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.berth.agent.engine.spec.ContainerConfig;
import io.berth.agent.image.ConfigChanges;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.ImageConfig;
import io.berth.compose.BerthException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommitChangesTest {
    private static ContainerConfig config(List<String> entrypoint, List<String> cmd, List<String> env,
                                          Map<String, String> labels) {
        return new ContainerConfig(null, null, null, null, null, null, null, null, null, null, env, cmd, null, null,
                null, null, entrypoint, labels, null, null);
    }

    @Test
    void whenCommitting_thenChangesWinOverTheRequestWhichWinsOverTheContainer() {
        ContainerConfig container = config(null, List.of("sh", "-c", "echo \"hi\""), List.of("A=container", "B=x y"),
                Map.of("k", "v \"q\""));
        ContainerConfig request = config(null, null, List.of("A=request"), null);
        ImageConfig.Config result = ConfigChanges.apply(null, CommitChanges.of(container, request, List.of("ENV C=3")));
        assertEquals(List.of("sh", "-c", "echo \"hi\""), result.cmd());
        assertEquals(List.of("B=x y", "A=request", "C=3"), result.env());
        assertEquals(Map.of("k", "v \"q\""), result.labels());
    }

    @Test
    void whenTheRequestSetsAnEntrypoint_thenTheContainersCmdIsNotKept() {
        ContainerConfig container = config(List.of("/old"), List.of("arg"), null, null);
        ImageConfig.Config result = ConfigChanges.apply(null, CommitChanges.of(container, null,
                List.of("ENTRYPOINT [\"/new\"]")));
        assertEquals(List.of("/new"), result.entrypoint());
        assertEquals(List.of(), result.cmd());
    }

    @Test
    void whenPullReferencesAreMade_thenTagsAndDigestsAreJoinedAsDocker() {
        assertEquals("docker.io/library/busybox:1", ImageService.reference("busybox", "1").normalized());
        assertEquals("docker.io/library/busybox:latest", ImageService.reference("busybox:latest", null).normalized());
        String digest = "sha256:" + "a".repeat(64);
        assertEquals(digest, ImageService.reference("busybox", digest).digest().orElseThrow().toString());
        BerthException all = assertThrows(BerthException.class, () -> ImageService.reference("busybox", ""));
        assertEquals("pulling every tag of busybox is not supported by berth: name a tag (busybox:latest)",
                all.getMessage());
        assertEquals("127.0.0.1:5000/app", ImageReference.parse("127.0.0.1:5000/app").familiarName());
    }
}
