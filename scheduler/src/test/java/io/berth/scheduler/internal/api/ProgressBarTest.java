package io.berth.scheduler.internal.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.berth.agent.registry.Credentials;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ProgressBarTest {
    @Test
    void whenSizesAreShown_thenTheyAreGoUnitsHumanSizes() {
        assertEquals("0B", ProgressBar.humanSize(0));
        assertEquals("999B", ProgressBar.humanSize(999));
        assertEquals("1.049MB", ProgressBar.humanSize(1_048_576));
        assertEquals("2.217MB", ProgressBar.humanSize(2_217_000));
        assertEquals("12kB", ProgressBar.humanSize(12_000));
    }

    @Test
    void whenProgressIsRendered_thenTheBarIsFiftyColumns() {
        assertEquals("[=========================>                         ]  1.049MB/2.097MB",
                ProgressBar.render(1_048_576, 2_097_152));
        assertEquals("[==================================================>]      2MB/2MB", ProgressBar.render(2_000_000, 2_000_000));
    }

    @Test
    void whenTheRegistryAuthHeaderIsDecoded_thenBadHeadersMeanAnonymous() {
        String json = "{\"username\":\"u\",\"password\":\"p?>\",\"serveraddress\":\"r\"}";
        Credentials url = RegistryAuth.decode(Base64.getUrlEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8)));
        assertEquals(new Credentials("u", "p?>"), url);
        assertEquals(url, RegistryAuth.decode(Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8))));
        assertNull(RegistryAuth.decode("not base64!"));
        assertNull(RegistryAuth.decode(Base64.getEncoder().encodeToString("{}".getBytes(StandardCharsets.UTF_8))));
        assertNull(RegistryAuth.decode(null));
    }
}
