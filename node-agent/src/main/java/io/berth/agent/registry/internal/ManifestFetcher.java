package io.berth.agent.registry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.MediaTypes;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.Set;

/**
 * Fetches a manifest or index by tag or digest, asking for OCI and Docker schema 2 types, and checks what came
 * back: our own sha256 of the bytes must match the digest asked for and the registry's
 * {@code Docker-Content-Digest}; schema 1 is refused; the media type comes from Content-Type or, when that is
 * generic, from the document itself.
 */
final class ManifestFetcher {
    static final String ACCEPT = String.join(", ", MediaTypes.OCI_INDEX, MediaTypes.DOCKER_MANIFEST_LIST,
            MediaTypes.OCI_MANIFEST, MediaTypes.DOCKER_MANIFEST);
    private static final Set<String> SCHEMA1 = Set.of("application/vnd.docker.distribution.manifest.v1+json",
            "application/vnd.docker.distribution.manifest.v1+prettyjws");

    private final ClientContext context;

    /** A manifest or index as fetched: its digest (verified), media type and exact bytes. */
    record Fetched(Digest digest, String mediaType, byte[] bytes) {
    }

    ManifestFetcher(ClientContext context) {
        this.context = context;
    }

    Fetched fetch(RepositorySession session, ImageReference ref, String reference, Optional<Digest> expected) {
        HttpResponse<byte[]> response = session.send(Call.of("GET", session.url("/manifests/" + reference))
                .header("Accept", ACCEPT));
        int status = response.statusCode();
        if (status == 404) {
            String answer = RegistryErrors.answer(context.json(), status, response.body());
            String what = answer.startsWith("name unknown")
                    ? "repository " + ref.familiarName() + " not found"
                    : "manifest for " + ref.familiar() + " not found";
            return fail(RegistryErrors.forStatus(session.host(), status, what, answer, session.hasCredentials()));
        }
        if (status != 200) {
            return fail(session.error(response, "fetching the manifest of " + ref.familiar()));
        }
        byte[] bytes = response.body();
        Digest actual = Digest.sha256(bytes);
        if (expected.isPresent() && !expected.get().equals(actual)) {
            throw mismatch(ref, expected.get().toString(), actual, "asked for");
        }
        Optional<String> header = response.headers().firstValue("Docker-Content-Digest");
        if (header.isPresent() && header.get().startsWith("sha256:") && !header.get().equals(actual.toString())) {
            throw mismatch(ref, header.get(), actual, "announced by the registry");
        }
        String mediaType = mediaType(ref, response.headers().firstValue("Content-Type").orElse(""), bytes);
        return new Fetched(actual, mediaType, bytes);
    }

    private static Fetched fail(BerthException e) {
        throw e;
    }

    private static BerthException mismatch(ImageReference ref, String expected, Digest actual, String source) {
        return new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(),
                "manifest for " + ref.familiar() + " failed verification: digest mismatch: " + source + " " + expected
                        + ", got " + actual + " (nothing was stored)");
    }

    private String mediaType(ImageReference ref, String contentType, byte[] bytes) {
        String type = contentType.split(";", 2)[0].trim();
        if (MediaTypes.isManifest(type) || MediaTypes.isIndex(type)) {
            return type;
        }
        if (SCHEMA1.contains(type)) {
            throw schema1(ref);
        }
        JsonNode root;
        try {
            root = context.json().readTree(bytes);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(),
                    "the manifest of " + ref.familiar() + " is not JSON (Content-Type " + contentType + ")", e);
        }
        String declared = root.path("mediaType").asText("");
        if (MediaTypes.isManifest(declared) || MediaTypes.isIndex(declared)) {
            return declared;
        }
        if (root.path("schemaVersion").asInt(0) == 1 || SCHEMA1.contains(declared)) {
            throw schema1(ref);
        }
        if (root.has("manifests")) {
            return MediaTypes.OCI_INDEX;
        }
        if (root.has("config") && root.has("layers")) {
            return MediaTypes.OCI_MANIFEST;
        }
        throw new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(),
                "the manifest of " + ref.familiar() + " has an unsupported media type \"" + type
                        + "\": expected an OCI or Docker schema 2 manifest or index");
    }

    private static BerthException schema1(ImageReference ref) {
        return new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(),
                "[DEPRECATION NOTICE] Docker Image Format v1 and Docker Image manifest version 2, schema 1 support has"
                        + " been removed. Suggest the author of " + ref.familiarName() + " to upgrade the image to the"
                        + " OCI Format or Docker Image manifest v2, schema 2. More information at"
                        + " https://docs.docker.com/go/deprecated-image-specs/");
    }
}
