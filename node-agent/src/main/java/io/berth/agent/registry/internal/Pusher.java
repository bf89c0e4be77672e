package io.berth.agent.registry.internal;

import io.berth.agent.image.BlobReader;
import io.berth.agent.image.Digest;
import io.berth.agent.image.ImageReference;
import io.berth.agent.image.spec.Descriptor;
import io.berth.agent.registry.Credentials;
import io.berth.agent.registry.LayerProgress;
import io.berth.agent.registry.ProgressState;
import io.berth.agent.registry.PushListener;
import io.berth.agent.registry.PushRequest;
import io.berth.agent.registry.PushResult;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A push: the blobs in parallel (skipped, mounted or uploaded), then the manifest under the tag or digest. */
final class Pusher {
    private final ClientContext context;
    private final BlobUploader uploader;

    Pusher(ClientContext context) {
        this.context = context;
        this.uploader = new BlobUploader(context);
    }

    PushResult push(PushRequest request, BlobReader reader, PushListener listener, Credentials credentials) {
        ImageReference ref = request.target();
        Digest digest = Digest.sha256(request.manifest());
        if (ref.digest().isPresent() && !ref.digest().get().equals(digest)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, ref.familiar(), "cannot push to "
                    + ref.familiar() + ": the manifest's digest is " + digest);
        }
        Map<String, Descriptor> blobs = new LinkedHashMap<>();
        if (request.config() != null) {
            blobs.put(request.config().digest(), request.config());
        }
        request.layers().forEach(l -> blobs.putIfAbsent(l.digest(), l));
        Map<String, Optional<String>> mounts = new LinkedHashMap<>();
        Set<String> scopes = new LinkedHashSet<>(List.of(RepositorySession.scope(ref.repository(), "pull,push")));
        for (Descriptor d : blobs.values()) {
            Optional<String> from = mountSource(request, ref, d.parsedDigest());
            from.ifPresent(repo -> scopes.add(RepositorySession.scope(repo, "pull")));
            mounts.put(d.digest(), from);
        }
        RepositorySession session = new RepositorySession(context, ref.registryHost(), ref.repository(), scopes,
                credentials);
        List<Descriptor> ordered = new ArrayList<>(blobs.values());
        int width = context.config().maxConcurrentUploads();
        for (int i = 0; i < request.layers().size(); i++) {
            Descriptor layer = request.layers().get(i);
            String id = layer.parsedDigest().shortHex();
            listener.onProgress(LayerProgress.of(id, ProgressState.PREPARING, 0, layer.size()));
            if (ordered.indexOf(layer) >= width) {
                listener.onProgress(LayerProgress.of(id, ProgressState.WAITING, 0, layer.size()));
            }
        }
        Set<String> layerDigests = new LinkedHashSet<>();
        request.layers().forEach(l -> layerDigests.add(l.digest()));
        Parallel.run(ordered, width, context.executor(), (blob, abandoned) -> {
            LayerReporter report = layerDigests.contains(blob.digest())
                    ? new LayerReporter(blob.parsedDigest().shortHex(), blob.size(), listener::onProgress,
                            context.clock())
                    : LayerReporter.SILENT;
            uploader.upload(session, blob, mounts.get(blob.digest()), reader, report);
        });
        return putManifest(session, request, digest);
    }

    private static Optional<String> mountSource(PushRequest request, ImageReference ref, Digest blob) {
        return request.mountHints().sourcesOf(blob).stream()
                .filter(source -> source.registry().equals(ref.registry()))
                .map(ImageReference::repository)
                .filter(repo -> !repo.equals(ref.repository()))
                .findFirst();
    }

    private PushResult putManifest(RepositorySession session, PushRequest request, Digest digest) {
        ImageReference ref = request.target();
        HttpResponse<byte[]> response = session.send(Call.of("PUT", session.url("/manifests/" + ref.manifestReference()))
                .header("Content-Type", request.mediaType())
                .body(() -> HttpRequest.BodyPublishers.ofByteArray(request.manifest())));
        if (response.statusCode() != 201) {
            throw session.error(response, "pushing the manifest of " + ref.familiar());
        }
        String announced = response.headers().firstValue("Docker-Content-Digest").orElse(digest.toString());
        if (!announced.equals(digest.toString())) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, ref.familiar(), "registry " + session.host()
                    + " stored the manifest of " + ref.familiar() + " as " + announced + " but it is " + digest);
        }
        return new PushResult(ref, digest, request.manifest().length);
    }
}
