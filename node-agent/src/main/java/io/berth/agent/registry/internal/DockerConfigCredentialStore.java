package io.berth.agent.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.agent.registry.CredentialStore;
import io.berth.agent.registry.Credentials;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Credentials in Docker's {@code config.json}: {@code {"auths":{"<key>":{"auth":"base64(user:pass)"}}}}. Keys may
 * be written as URLs ({@code https://index.docker.io/v1/}, {@code http://host:5000}); lookups compare the
 * registry they name. Writes keep every other key, go to a temporary file of mode 0600 in the same directory and
 * replace the file atomically; one lock per store orders read-modify-write cycles.
 */
public final class DockerConfigCredentialStore implements CredentialStore {
    private final Path file;
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public DockerConfigCredentialStore(Path file) {
        this.file = file;
    }

    @Override
    public synchronized Optional<Credentials> get(String registry) {
        String wanted = RegistryHosts.registry(registry);
        for (Iterator<Map.Entry<String, JsonNode>> it = read().path("auths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (RegistryHosts.registry(entry.getKey()).equals(wanted)) {
                return decode(entry.getKey(), entry.getValue());
            }
        }
        return Optional.empty();
    }

    private Optional<Credentials> decode(String key, JsonNode entry) {
        String auth = entry.path("auth").asText("");
        if (auth.isEmpty()) {
            String user = entry.path("username").asText("");
            return user.isEmpty() ? Optional.empty()
                    : Optional.of(new Credentials(user, entry.path("password").asText("")));
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(auth.trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw broken("the auth of \"" + key + "\" is not base64", e);
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            throw broken("the auth of \"" + key + "\" is not user:password", null);
        }
        return Optional.of(new Credentials(decoded.substring(0, colon), decoded.substring(colon + 1)));
    }

    @Override
    public synchronized void put(String registry, Credentials credentials) {
        ObjectNode root = read();
        ObjectNode auths = root.has("auths") && root.get("auths").isObject()
                ? (ObjectNode) root.get("auths") : root.putObject("auths");
        removeMatching(auths, RegistryHosts.registry(registry));
        String auth = Base64.getEncoder().encodeToString(
                (credentials.username() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8));
        auths.putObject(RegistryHosts.configKey(RegistryHosts.registry(registry))).put("auth", auth);
        write(root);
    }

    @Override
    public synchronized boolean remove(String registry) {
        ObjectNode root = read();
        if (!(root.get("auths") instanceof ObjectNode auths) || !removeMatching(auths, RegistryHosts.registry(registry))) {
            return false;
        }
        write(root);
        return true;
    }

    private static boolean removeMatching(ObjectNode auths, String registry) {
        boolean removed = false;
        for (Iterator<String> keys = auths.fieldNames(); keys.hasNext(); ) {
            if (RegistryHosts.registry(keys.next()).equals(registry)) {
                keys.remove();
                removed = true;
            }
        }
        return removed;
    }

    private ObjectNode read() {
        if (!Files.exists(file)) {
            return json.createObjectNode();
        }
        try {
            JsonNode root = json.readTree(file.toFile());
            if (root == null || root.isMissingNode()) {
                return json.createObjectNode();
            }
            if (!root.isObject()) {
                throw broken("it is not a JSON object", null);
            }
            return (ObjectNode) root;
        } catch (IOException e) {
            throw broken(e.getMessage(), e);
        }
    }

    private void write(ObjectNode root) {
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + file.getFileName() + ".tmp" + ProcessHandle.current().pid());
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (FileAlreadyExistsException e) {
                throw new IOException("cannot create " + tmp + ": it appeared while we wrote", e);
            }
            Files.write(tmp, json.writeValueAsBytes(root));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, file.toString(),
                    "cannot write the credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private BerthException broken(String why, Exception cause) {
        return new BerthException(ErrorCategory.FAILED_PRECONDITION, file.toString(),
                "cannot read the credentials file " + file + ": " + why + " (fix or remove it, then log in again)",
                cause);
    }
}
