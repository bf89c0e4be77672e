package io.berth.agent.registry.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class InsecureRegistriesTest {
    private final InsecureRegistries none = new InsecureRegistries(List.of());
    private final InsecureRegistries some = new InsecureRegistries(List.of("reg.lan:5000", "build", "10.1.0.0/16",
            "fd00::/8"));

    @Test
    void loopbackIsAlwaysInsecureAllowed() {
        for (String host : List.of("localhost", "localhost:5000", "127.0.0.1", "127.0.0.1:5000", "127.9.8.7:1",
                "[::1]:5000", "::1")) {
            assertTrue(none.allowsInsecure(host), host);
        }
    }

    @Test
    void otherHostsOnlyWhenListed() {
        for (String host : List.of("docker.io", "registry-1.docker.io", "10.1.2.3:5000", "reg.lan", "0.0.0.0:5000",
                "localhost.example.com")) {
            assertFalse(none.allowsInsecure(host), host);
        }
        assertTrue(some.allowsInsecure("reg.lan:5000"));
        assertFalse(some.allowsInsecure("reg.lan:5001"));
        assertTrue(some.allowsInsecure("build:443"));
        assertTrue(some.allowsInsecure("10.1.200.3:5000"));
        assertFalse(some.allowsInsecure("10.2.0.1:5000"));
        assertTrue(some.allowsInsecure("[fd12::1]:5000"));
        assertFalse(some.allowsInsecure("10.1.example.com"), "names are not resolved");
    }
}
