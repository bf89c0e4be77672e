package io.berth.agent.registry.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WwwAuthenticateTest {
    @Test
    void parsesDockerHubsBearerChallenge() {
        List<Challenge> c = WwwAuthenticate.parse(List.of("Bearer realm=\"https://auth.docker.io/token\","
                + "service=\"registry.docker.io\",scope=\"repository:library/busybox:pull\""));
        assertEquals(List.of(new Challenge("bearer", Map.of("realm", "https://auth.docker.io/token",
                "service", "registry.docker.io", "scope", "repository:library/busybox:pull"))), c);
    }

    @Test
    void parsesBasicAndSeveralChallengesAndHeaders() {
        List<Challenge> c = WwwAuthenticate.parse(List.of("Basic realm=\"Registry Realm\"",
                "Newauth realm=\"apps\", type=1, title=\"Login to \\\"apps\\\"\", Basic realm=\"simple\""));
        assertEquals(3, c.size());
        assertTrue(c.get(0).isBasic());
        assertEquals("Registry Realm", c.get(0).param("realm"));
        assertEquals("newauth", c.get(1).scheme());
        assertEquals("1", c.get(1).param("type"));
        assertEquals("Login to \"apps\"", c.get(1).param("title"));
        assertEquals("simple", c.get(2).param("realm"));
    }

    @Test
    void toleratesOddSpacingCaseAndGarbage() {
        List<Challenge> c = WwwAuthenticate.parse(List.of("  BEARER   Realm = \"r\" ,  Service=s,,", "=\"",
                "Negotiate abc=="));
        assertTrue(c.get(0).isBearer());
        assertEquals("r", c.get(0).param("realm"));
        assertEquals("s", c.get(0).param("service"));
        assertEquals("negotiate", c.get(c.size() - 1).scheme());
        assertFalse(c.stream().anyMatch(x -> x.scheme().isEmpty()));
    }

    @Test
    void scopesWithSeveralActionsStayWhole() {
        Challenge c = WwwAuthenticate.parse(List.of("Bearer realm=\"x\",scope=\"repository:a/b:pull,push\"")).get(0);
        assertEquals("repository:a/b:pull,push", c.param("scope"));
    }
}
