package io.berth.compose.internal.normalize;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.berth.compose.internal.output.JsonWriter;

/**
 * The config hash of a service: sha256 over a canonical rendering of its canonical map with keys sorted at every
 * level, so key order never changes it. Fields that do not affect the container (scale, replicas, depends_on
 * ordering hints, build) are left out, as compose leaves them out, so scaling does not recreate containers.
 */
public final class ConfigHash {
    private static final List<String> IGNORED = List.of("build", "pull_policy", "scale", "depends_on", "develop");

    private ConfigHash() {
    }

    public static String of(Map<String, Object> service) {
        TreeMap<String, Object> copy = new TreeMap<>(service);
        IGNORED.forEach(copy::remove);
        if (copy.get("deploy") instanceof Map<?, ?> deploy) {
            TreeMap<Object, Object> d = new TreeMap<>(deploy);
            d.remove("replicas");
            copy.put("deploy", d);
        }
        StringBuilder sb = new StringBuilder(1024);
        render(sb, copy);
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(sb.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static void render(StringBuilder sb, Object v) {
        if (v instanceof Map<?, ?> m) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            m.forEach((k, x) -> sorted.put(String.valueOf(k), x));
            sb.append('{');
            sorted.forEach((k, x) -> {
                JsonWriter.string(sb, k);
                sb.append(':');
                render(sb, x);
                sb.append(',');
            });
            sb.append('}');
        } else if (v instanceof List<?> l) {
            sb.append('[');
            l.forEach(x -> {
                render(sb, x);
                sb.append(',');
            });
            sb.append(']');
        } else if (v instanceof String s) {
            JsonWriter.string(sb, s);
        } else {
            sb.append(v);
        }
    }
}
