package io.berth.compose.internal.transform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortParserTest {
    @Test
    void whenRangeIsGiven_thenOneEntryPerPortWithStringPublished() {
        List<Map<String, Object>> p = PortParser.parse("127.0.0.1:80-81:8080-8081/udp");
        assertEquals(2, p.size());
        assertEquals(Map.of("mode", "ingress", "host_ip", "127.0.0.1", "target", 8080L, "published", "80",
                "protocol", "udp"), p.get(0));
    }

    @Test
    void whenOnlyContainerPortIsGiven_thenNothingIsPublished() {
        assertEquals(List.of(Map.of("mode", "ingress", "target", 3000L, "protocol", "tcp")), PortParser.parse("3000"));
    }

    @Test
    void whenIpv6HostIsBracketed_thenBracketsAreRemoved() {
        assertEquals("::1", PortParser.parse("[::1]:80:80").get(0).get("host_ip"));
    }

    @Test
    void whenProtocolIsUnknown_thenErrorNamesIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PortParser.parse("80/xyz"));
        assertEquals("invalid proto: xyz", e.getMessage());
    }
}
