package io.berth.scheduler.internal.api;

import io.berth.agent.registry.Credentials;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The {@code X-Registry-Auth} header: base64url (or plain base64) of {@code {"username","password",
 * "serveraddress"}}. As Docker, a header that does not decode means anonymous access, not an error.
 */
final class RegistryAuth {
    private RegistryAuth() {
    }

    /** The credentials of the header, or null (no header, no user name, or not decodable). */
    static Credentials decode(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(header.strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notUrlSafe) {
            try {
                text = new String(Base64.getDecoder().decode(header.strip()), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException notBase64) {
                return null;
            }
        }
        try {
            JsonObject json = new JsonObject(text);
            String user = json.getString("username", "");
            String password = json.getString("password", "");
            return user.isEmpty() ? null : new Credentials(user, password);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }
}
