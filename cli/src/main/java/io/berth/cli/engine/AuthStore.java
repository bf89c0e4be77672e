package io.berth.cli.engine;

import io.berth.cli.client.Json;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Registry credentials in {@code ~/.berth/config.json}, in docker's format ({@code {"auths":{"server":{"auth":
 * base64(user:password)}}}}), written with mode 0600; and the {@code X-Registry-Auth} header made from them.
 */
final class AuthStore {
    private final Path file;

    AuthStore(Path file) {
        this.file = file;
    }

    /** {@code $BERTH_CONFIG/config.json}, else {@code ~/.berth/config.json}. */
    static AuthStore of(Map<String, String> env) {
        String dir = env.get("BERTH_CONFIG");
        if (dir == null || dir.isEmpty()) {
            dir = env.getOrDefault("HOME", System.getProperty("user.home")) + "/.berth";
        }
        return new AuthStore(Path.of(dir, "config.json"));
    }

    Path file() {
        return file;
    }

    /** {username, password} for {@code server}, or null. */
    String[] credentials(String server) {
        Map<String, Object> auth = Json.map(Json.map(read().get("auths")).get(server));
        String encoded = Json.string(auth.get("auth"));
        if (encoded.isEmpty()) {
            return null;
        }
        String plain = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        int colon = plain.indexOf(':');
        return colon < 0 ? null : new String[] {plain.substring(0, colon), plain.substring(colon + 1)};
    }

    /** The {@code X-Registry-Auth} header for {@code server}: base64url of {username,password,serveraddress}. */
    String header(String server) {
        String[] c = credentials(server);
        if (c == null) {
            return null;
        }
        return encode(c[0], c[1], server);
    }

    static String encode(String user, String password, String server) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("username", user);
        m.put("password", password);
        m.put("serveraddress", server);
        return Base64.getUrlEncoder().encodeToString(Json.write(m).getBytes(StandardCharsets.UTF_8));
    }

    void store(String server, String user, String password) {
        Map<String, Object> all = read();
        Map<String, Object> auths = new LinkedHashMap<>(Json.map(all.get("auths")));
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("auth", Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        auths.put(server, entry);
        all.put("auths", auths);
        write(all);
    }

    /** Removes {@code server}'s entry; false when there was none. */
    boolean remove(String server) {
        Map<String, Object> all = read();
        Map<String, Object> auths = new LinkedHashMap<>(Json.map(all.get("auths")));
        if (auths.remove(server) == null) {
            return false;
        }
        all.put("auths", auths);
        write(all);
        return true;
    }

    private Map<String, Object> read() {
        if (!Files.exists(file)) {
            return new LinkedHashMap<>();
        }
        try {
            return new LinkedHashMap<>(Json.map(Json.parse(Files.readString(file, StandardCharsets.UTF_8))));
        } catch (IOException | RuntimeException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, file.toString(), "cannot read " + file
                    + ": " + e.getMessage() + "; fix or remove the file");
        }
    }

    private void write(Map<String, Object> all) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(tmp, io.berth.cli.format.JsonText.indent(all, "\t") + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, file.toString(), "cannot write " + file
                    + ": " + e.getMessage(), e);
        }
    }
}
