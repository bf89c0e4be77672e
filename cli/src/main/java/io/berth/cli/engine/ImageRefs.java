package io.berth.cli.engine;

/**
 * Image references as docker splits them for the API: name and tag ({@code busybox} → {@code busybox},
 * {@code latest}), or name and digest; the registry a reference points to, for credentials.
 */
final class ImageRefs {
    /** Docker Hub's key in the credentials file, as docker writes it. */
    static final String DOCKER_HUB = "https://index.docker.io/v1/";

    private ImageRefs() {
    }

    /** {name, tag-or-digest}; the tag is {@code latest} when none is given, a digest keeps its {@code sha256:}. */
    static String[] split(String ref) {
        int at = ref.indexOf('@');
        if (at >= 0) {
            return new String[] {ref.substring(0, at), ref.substring(at + 1)};
        }
        int colon = ref.lastIndexOf(':');
        int slash = ref.lastIndexOf('/');
        if (colon > slash) {
            return new String[] {ref.substring(0, colon), ref.substring(colon + 1)};
        }
        return new String[] {ref, "latest"};
    }

    /** {@code busybox} → {@code busybox:latest}: what docker prints in "Unable to find image '...' locally". */
    static String withTag(String ref) {
        String[] p = split(ref);
        return p[1].startsWith("sha256:") ? p[0] + "@" + p[1] : p[0] + ":" + p[1];
    }

    /** {@code busybox} → {@code docker.io/library/busybox:latest}, as {@code docker pull -q} prints it. */
    static String canonical(String ref) {
        String named = withTag(ref);
        String first = named.contains("/") ? named.substring(0, named.indexOf('/')) : "";
        if (isRegistry(first)) {
            return named;
        }
        return "docker.io/" + (named.contains("/") ? "" : "library/") + named;
    }

    /** The registry of {@code ref}: its first component when it looks like a host, else Docker Hub. */
    static String registry(String ref) {
        int slash = ref.indexOf('/');
        String first = slash < 0 ? "" : ref.substring(0, slash);
        return isRegistry(first) ? first : DOCKER_HUB;
    }

    private static boolean isRegistry(String first) {
        return !first.isEmpty() && (first.contains(".") || first.contains(":") || first.equals("localhost"));
    }

    /** The first 12 hex digits of an ID, without {@code sha256:}. */
    static String shortId(String id) {
        String hex = id.startsWith("sha256:") ? id.substring(7) : id;
        return hex.length() > 12 ? hex.substring(0, 12) : hex;
    }
}
