package io.berth.agent.registry;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.berth.agent.image.Digest;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A boundary fake of an OCI registry on 127.0.0.1 for unit tests (the integration tests use the real one):
 * manifests, blobs, uploads (monolithic, chunked, mounts), Basic or Bearer auth with a token endpoint, and
 * misbehaviours on demand (ignored Range, redirects to storage, corrupt or cut-off blobs).
 */
public final class FakeRegistry implements AutoCloseable {
    public enum Auth { NONE, BASIC, BEARER }

    private static final Pattern UPLOAD = Pattern.compile("^/v2/(.+)/blobs/uploads/(.*)$");
    private static final Pattern OBJECT = Pattern.compile("^/v2/(.+)/(manifests|blobs)/([^/]+)$");

    private final HttpServer server;
    private final ExecutorService pool = Executors.newCachedThreadPool();
    public final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    public final Map<String, Set<String>> repoBlobs = new ConcurrentHashMap<>();
    public final Map<String, String[]> manifests = new ConcurrentHashMap<>(); // repo@ref → {mediaType, body}
    public final List<String> log = new CopyOnWriteArrayList<>();
    private final Map<String, StringBuilder> uploads = new ConcurrentHashMap<>();
    private final Map<String, java.io.ByteArrayOutputStream> uploadData = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    public final AtomicInteger tokensIssued = new AtomicInteger();

    public volatile Auth auth = Auth.NONE;
    public volatile String user = "alice";
    public volatile String password = "s3cret";
    public volatile boolean ignoreRange;
    public volatile boolean redirectBlobs;
    public volatile boolean authOnStorage;
    public volatile String corruptBlob;
    public volatile long cutBlobAfter = -1;
    public volatile int cutsLeft;
    public volatile String wrongContentDigest;
    public volatile String manifestContentType;

    public FakeRegistry() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(pool);
        server.start();
    }

    public String host() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    public void putBlob(String repo, byte[] bytes) {
        String d = Digest.sha256(bytes).toString();
        blobs.put(d, bytes);
        repoBlobs.computeIfAbsent(repo, r -> ConcurrentHashMap.newKeySet()).add(d);
    }

    public String putManifest(String repo, String tag, String mediaType, byte[] body) {
        String d = Digest.sha256(body).toString();
        manifests.put(repo + "@" + d, new String[] {mediaType, new String(body, StandardCharsets.ISO_8859_1)});
        if (tag != null) {
            manifests.put(repo + "@" + tag, new String[] {mediaType, new String(body, StandardCharsets.ISO_8859_1)});
        }
        return d;
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getRawPath();
            String auth = ex.getRequestHeaders().getFirst("Authorization");
            log.add(ex.getRequestMethod() + " " + ex.getRequestURI() + " range=" + ex.getRequestHeaders().getFirst("Range")
                    + " auth=" + (auth == null ? "-" : auth.split(" ")[0]));
            if (path.equals("/token")) {
                token(ex);
                return;
            }
            if (path.startsWith("/storage/")) {
                if (auth != null) {
                    authOnStorage = true;
                }
                sendBlob(ex, "sha256:" + path.substring("/storage/".length()));
                return;
            }
            if (!authorized(ex, auth)) {
                return;
            }
            if (path.equals("/v2/")) {
                send(ex, 200, "application/json", "{}".getBytes());
                return;
            }
            Matcher up = UPLOAD.matcher(path);
            if (up.matches()) {
                upload(ex, up.group(1), up.group(2));
                return;
            }
            Matcher m = OBJECT.matcher(path);
            if (!m.matches()) {
                send(ex, 404, "text/plain", "404 page not found".getBytes());
                return;
            }
            if (m.group(2).equals("manifests")) {
                manifest(ex, m.group(1), URLDecoder.decode(m.group(3), StandardCharsets.UTF_8));
            } else if (redirectBlobs && ex.getRequestMethod().equals("GET")) {
                // another authority (same server): credentials must not follow
                ex.getResponseHeaders().add("Location", "http://localhost:" + server.getAddress().getPort()
                        + "/storage/" + m.group(3).substring(7));
                send(ex, 307, null, new byte[0]);
            } else {
                String d = URLDecoder.decode(m.group(3), StandardCharsets.UTF_8);
                if (!repoBlobs.getOrDefault(m.group(1), Set.of()).contains(d)) {
                    error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry");
                    return;
                }
                sendBlob(ex, d);
            }
        } catch (RuntimeException e) {
            e.printStackTrace();
            throw e;
        }
    }

    private boolean authorized(HttpExchange ex, String auth) throws IOException {
        if (this.auth == Auth.NONE) {
            return true;
        }
        if (this.auth == Auth.BASIC) {
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
            if (expected.equals(auth)) {
                return true;
            }
            ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"fake\"");
            error(ex, 401, "UNAUTHORIZED", "authentication required");
            return false;
        }
        String scope = scopeFor(ex);
        if (auth != null && auth.startsWith("Bearer ")) {
            String granted = new String(Base64.getUrlDecoder().decode(auth.substring(7)), StandardCharsets.UTF_8);
            if (scope == null || grants(granted, scope)) {
                return true;
            }
        }
        ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + host() + "/token\",service=\"fake\""
                + (scope == null ? "" : ",scope=\"" + scope + "\""));
        error(ex, 401, "UNAUTHORIZED", "authentication required");
        return false;
    }

    /** True when a granted scope names the same repository with at least the wanted actions. */
    private static boolean grants(String granted, String wanted) {
        int cut = wanted.lastIndexOf(':');
        for (String g : granted.split(" ")) {
            int gc = g.lastIndexOf(':');
            if (gc > 0 && g.substring(0, gc).equals(wanted.substring(0, cut))
                    && List.of(g.substring(gc + 1).split(",")).containsAll(List.of(wanted.substring(cut + 1).split(",")))) {
                return true;
            }
        }
        return false;
    }

    private static String scopeFor(HttpExchange ex) {
        Matcher up = UPLOAD.matcher(ex.getRequestURI().getRawPath());
        if (up.matches()) {
            return "repository:" + up.group(1) + ":pull,push";
        }
        Matcher m = OBJECT.matcher(ex.getRequestURI().getRawPath());
        if (!m.matches()) {
            return null;
        }
        boolean write = ex.getRequestMethod().equals("PUT");
        return "repository:" + m.group(1) + (write ? ":pull,push" : ":pull");
    }

    /** Issues a token that is the base64 of the granted scopes; requires Basic credentials. */
    private void token(HttpExchange ex) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
        String given = ex.getRequestHeaders().getFirst("Authorization");
        if (given != null && !expected.equals(given)) {
            send(ex, 401, "application/json", "{\"details\":\"incorrect username or password\"}".getBytes());
            return;
        }
        tokensIssued.incrementAndGet();
        if (given == null) { // anonymous: a token that grants nothing, as Docker Hub gives for private repositories
            send(ex, 200, "application/json", "{\"token\":\"\",\"access_token\":\"YW5vbg\"}".getBytes());
            return;
        }
        StringBuilder granted = new StringBuilder();
        String query = ex.getRequestURI().getRawQuery();
        for (String kv : query == null ? new String[0] : query.split("&")) {
            if (kv.startsWith("scope=")) {
                granted.append(URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8)).append(' ');
            }
        }
        String token = Base64.getUrlEncoder().encodeToString(granted.toString().trim().getBytes(StandardCharsets.UTF_8));
        send(ex, 200, "application/json", ("{\"token\":\"" + token + "\",\"expires_in\":300}").getBytes());
    }

    private void manifest(HttpExchange ex, String repo, String ref) throws IOException {
        if (ex.getRequestMethod().equals("PUT")) {
            byte[] body = ex.getRequestBody().readAllBytes();
            String d = putManifest(repo, ref.startsWith("sha256:") ? null : ref,
                    ex.getRequestHeaders().getFirst("Content-Type"), body);
            ex.getResponseHeaders().add("Docker-Content-Digest", d);
            send(ex, 201, null, new byte[0]);
            return;
        }
        String[] m = manifests.get(repo + "@" + ref);
        if (m == null) {
            boolean known = manifests.keySet().stream().anyMatch(k -> k.startsWith(repo + "@"));
            error(ex, 404, known ? "MANIFEST_UNKNOWN" : "NAME_UNKNOWN",
                    known ? "manifest unknown" : "repository name not known to registry");
            return;
        }
        byte[] body = m[1].getBytes(StandardCharsets.ISO_8859_1);
        ex.getResponseHeaders().add("Docker-Content-Digest",
                wrongContentDigest != null ? wrongContentDigest : Digest.sha256(body).toString());
        send(ex, 200, manifestContentType != null ? manifestContentType : m[0],
                ex.getRequestMethod().equals("HEAD") ? null : body);
    }

    private void sendBlob(HttpExchange ex, String digest) throws IOException {
        byte[] data = blobs.get(digest);
        if (data == null) {
            error(ex, 404, "BLOB_UNKNOWN", "blob unknown to registry");
            return;
        }
        if (digest.equals(corruptBlob)) {
            data = data.clone();
            data[data.length / 2] ^= 1;
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().add("Content-Length", String.valueOf(data.length));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        String range = ex.getRequestHeaders().getFirst("Range");
        int start = 0;
        if (range != null && !ignoreRange) {
            start = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            ex.getResponseHeaders().add("Content-Range", "bytes " + start + "-" + (data.length - 1) + "/" + data.length);
        }
        ex.getResponseHeaders().add("Content-Type", "application/octet-stream");
        ex.sendResponseHeaders(start > 0 ? 206 : 200, data.length - start);
        OutputStream out = ex.getResponseBody();
        if (cutBlobAfter >= 0 && cutsLeft > 0) {
            cutsLeft--;
            out.write(data, start, (int) Math.min(cutBlobAfter, data.length - start));
            out.flush();
            throw new IOException("cut on purpose"); // the server drops the connection mid-body
        }
        out.write(data, start, data.length - start);
    }

    private void upload(HttpExchange ex, String repo, String id) throws IOException {
        String method = ex.getRequestMethod();
        String query = ex.getRequestURI().getRawQuery();
        Map<String, String> q = new java.util.HashMap<>();
        for (String kv : query == null ? new String[0] : query.split("&")) {
            int eq = kv.indexOf('=');
            q.put(kv.substring(0, eq), URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        if (method.equals("POST")) {
            String mount = q.get("mount");
            if (mount != null && repoBlobs.getOrDefault(q.get("from"), Set.of()).contains(mount)) {
                repoBlobs.computeIfAbsent(repo, r -> ConcurrentHashMap.newKeySet()).add(mount);
                ex.getResponseHeaders().add("Docker-Content-Digest", mount);
                send(ex, 201, null, new byte[0]);
                return;
            }
            String uuid = "u" + ids.incrementAndGet();
            uploadData.put(uuid, new java.io.ByteArrayOutputStream());
            uploads.put(uuid, new StringBuilder());
            ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/uploads/" + uuid + "?_state=x");
            send(ex, 202, null, new byte[0]);
            return;
        }
        var data = uploadData.get(id);
        if (data == null) {
            error(ex, 404, "BLOB_UPLOAD_UNKNOWN", "blob upload unknown to registry");
            return;
        }
        byte[] body = ex.getRequestBody().readAllBytes();
        if (method.equals("PATCH")) {
            String range = ex.getRequestHeaders().getFirst("Content-Range");
            if (range == null || !range.startsWith(data.size() + "-")) {
                send(ex, 416, null, new byte[0]);
                return;
            }
            uploads.get(id).append(range).append(';');
            data.writeBytes(body);
            ex.getResponseHeaders().add("Location", "/v2/" + repo + "/blobs/uploads/" + id + "?_state=y");
            send(ex, 202, null, new byte[0]);
            return;
        }
        data.writeBytes(body);
        byte[] all = data.toByteArray();
        String d = Digest.sha256(all).toString();
        if (!d.equals(q.get("digest"))) {
            error(ex, 400, "DIGEST_INVALID", "provided digest did not match uploaded content");
            return;
        }
        putBlob(repo, all);
        log.add("stored " + d + " chunks=" + uploads.get(id));
        ex.getResponseHeaders().add("Docker-Content-Digest", d);
        send(ex, 201, null, new byte[0]);
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        send(ex, status, "application/json",
                ("{\"errors\":[{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"detail\":null}]}").getBytes());
    }

    private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
        if (type != null) {
            ex.getResponseHeaders().add("Content-Type", type);
        }
        if (ex.getRequestMethod().equals("HEAD")) {
            body = null;
        }
        ex.sendResponseHeaders(status, body == null || body.length == 0 ? -1 : body.length);
        if (body != null && body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
