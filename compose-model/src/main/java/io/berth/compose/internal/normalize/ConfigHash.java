package io.berth.compose.internal.normalize;

import io.berth.compose.internal.output.JsonWriter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The config hash of a service, computed as docker compose computes it: sha256 of the service's JSON (compose's
 * field order, maps sorted, Go's compact encoding) without the fields that must not recreate a container —
 * build, pull_policy, scale, deploy.replicas, depends_on, profiles. The input is the service in JSON model form,
 * which is canonical, so the hash never depends on how the file ordered its keys.
 */
public final class ConfigHash {
    private ConfigHash() {
    }

    public static String of(Map<String, Object> jsonService) {
        Map<String, Object> s = new LinkedHashMap<>(jsonService);
        s.remove("build");
        s.remove("pull_policy");
        s.remove("scale");
        s.remove("depends_on");
        s.remove("profiles");
        if (s.get("deploy") instanceof Map<?, ?> d) {
            Map<Object, Object> deploy = new LinkedHashMap<>(d);
            deploy.remove("replicas");
            s.put("deploy", deploy);
        }
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] json = JsonWriter.compact(s).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(md.digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
