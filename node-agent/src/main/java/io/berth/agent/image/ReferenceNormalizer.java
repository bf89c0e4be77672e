package io.berth.agent.image;

/**
 * Turns what a user typed into the canonical name the store keeps, and back. The daemon passes one built on
 * {@code ImageReference}; {@link #DOCKER} follows Docker's rules for the common cases (tests and tools).
 */
public interface ReferenceNormalizer {
    /** {@code busybox} → {@code docker.io/library/busybox:latest}; a digest reference keeps its digest. */
    String normalize(String reference);

    /** {@code docker.io/library/busybox:latest} → {@code busybox:latest}, as Docker prints names. */
    String familiar(String normalized);

    ReferenceNormalizer DOCKER = new ReferenceNormalizer() {
        @Override
        public String normalize(String ref) {
            String name = ref;
            int slash = name.indexOf('/');
            String first = slash < 0 ? "" : name.substring(0, slash);
            if (slash < 0 || !(first.contains(".") || first.contains(":") || first.equals("localhost"))) {
                name = "docker.io/" + (slash < 0 ? "library/" : "") + name;
            } else if (first.equals("index.docker.io")) {
                name = "docker.io" + name.substring(slash);
            }
            if (name.startsWith("docker.io/") && name.indexOf('/', "docker.io/".length()) < 0) {
                name = "docker.io/library/" + name.substring("docker.io/".length());
            }
            int lastSlash = name.lastIndexOf('/');
            if (!name.contains("@") && name.indexOf(':', lastSlash) < 0) {
                name = name + ":latest";
            }
            return name;
        }

        @Override
        public String familiar(String normalized) {
            if (normalized.startsWith("docker.io/library/")) {
                String rest = normalized.substring("docker.io/library/".length());
                return rest.contains("/") ? normalized.substring("docker.io/".length()) : rest;
            }
            if (normalized.startsWith("docker.io/")) {
                return normalized.substring("docker.io/".length());
            }
            return normalized;
        }
    };
}
