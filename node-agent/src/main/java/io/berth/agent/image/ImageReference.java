package io.berth.agent.image;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image reference parsed exactly as Docker does ({@code distribution/reference}'s
 * {@code ParseNormalizedNamed} followed by {@code TagNameOnly}): {@code busybox} is
 * {@code docker.io/library/busybox:latest}, {@code index.docker.io} becomes {@code docker.io}, the first path
 * component is a registry when it holds a {@code .} or a {@code :}, is {@code localhost}, or has upper-case
 * letters, and the tag {@code latest} is implied only when there is neither a tag nor a digest.
 *
 * <p>Immutable. The registry keeps Docker's spelling (it is not lower-cased); the repository path is always
 * lower case and at most 255 characters. A reference may carry both a tag and a digest ({@code name:tag@digest});
 * the digest is then what a pull resolves.
 */
public final class ImageReference {
    /** The registry Docker's familiar names live on. */
    public static final String DOCKER_HUB = "docker.io";
    /** The host that serves Docker Hub's registry API. */
    public static final String DOCKER_HUB_API_HOST = "registry-1.docker.io";
    public static final String DEFAULT_TAG = "latest";
    public static final int MAX_REPOSITORY_LENGTH = 255;

    private static final String LEGACY_HUB = "index.docker.io";
    private static final String OFFICIAL_PREFIX = "library/";
    private static final String ALNUM = "[a-z0-9]+";
    private static final String SEPARATOR = "(?:[._]|__|[-]+)";
    private static final String PATH_COMPONENT = ALNUM + "(?:" + SEPARATOR + ALNUM + ")*";
    private static final String REMOTE_NAME = PATH_COMPONENT + "(?:/" + PATH_COMPONENT + ")*";
    private static final String DOMAIN_COMPONENT = "(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])";
    private static final String DOMAIN_NAME = DOMAIN_COMPONENT + "(?:\\." + DOMAIN_COMPONENT + ")*";
    private static final String IPV6 = "\\[(?:[a-fA-F0-9:]+)\\]";
    private static final String DOMAIN_AND_PORT = "(?:" + DOMAIN_NAME + "|" + IPV6 + ")(?::[0-9]+)?";
    private static final String NAME = "(?:" + DOMAIN_AND_PORT + "/)?" + REMOTE_NAME;
    private static final String TAG = "[\\w][\\w.-]{0,127}";
    private static final String DIGEST = "[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}";

    private static final Pattern REFERENCE = Pattern.compile("(" + NAME + ")(?::(" + TAG + "))?(?:@(" + DIGEST + "))?");
    private static final Pattern SPLIT_NAME = Pattern.compile("(?:(" + DOMAIN_AND_PORT + ")/)?(" + REMOTE_NAME + ")");
    private static final Pattern TAG_ONLY = Pattern.compile(TAG);
    private static final Pattern IDENTIFIER = Pattern.compile("[a-f0-9]{64}");

    private final String registry;
    private final String repository;
    private final String tag;
    private final Digest digest;

    private ImageReference(String registry, String repository, String tag, Digest digest) {
        this.registry = registry;
        this.repository = repository;
        this.tag = tag;
        this.digest = digest;
    }

    /**
     * Parses a reference as {@code docker pull} does. Throws an INVALID_ARGUMENT {@link BerthException} with
     * Docker's wording ("invalid reference format", "invalid reference format: repository name (library/Busybox)
     * must be lowercase", ...) naming the input as the object.
     */
    public static ImageReference parse(String text) {
        if (text == null) {
            throw invalid("", "invalid reference format");
        }
        if (IDENTIFIER.matcher(text).matches()) {
            throw invalid(text, "invalid repository name (" + text + "), cannot specify 64-byte hexadecimal strings");
        }
        String[] split = splitDockerDomain(text);
        String remainder = split[1];
        int colon = remainder.indexOf(':');
        String remote = colon >= 0 ? remainder.substring(0, colon) : remainder;
        if (!remote.toLowerCase(Locale.ROOT).equals(remote)) {
            throw invalid(text, "invalid reference format: repository name (" + remote + ") must be lowercase");
        }
        String full = split[0] + "/" + remainder;
        Matcher m = REFERENCE.matcher(full);
        if (!m.matches()) {
            if (!full.toLowerCase(Locale.ROOT).equals(full) && REFERENCE.matcher(full.toLowerCase(Locale.ROOT)).matches()) {
                throw invalid(text, "repository name must be lowercase");
            }
            throw invalid(text, "invalid reference format");
        }
        Matcher name = SPLIT_NAME.matcher(m.group(1));
        if (!name.matches()) {
            throw invalid(text, "invalid reference format");
        }
        String path = name.group(2);
        if (path.length() > MAX_REPOSITORY_LENGTH) {
            throw invalid(text, "repository name must not be more than " + MAX_REPOSITORY_LENGTH + " characters");
        }
        Digest digest = m.group(3) == null ? null : parseDigest(text, m.group(3));
        String tag = m.group(2);
        if (tag == null && digest == null) {
            tag = DEFAULT_TAG;
        }
        return new ImageReference(name.group(1), path, tag, digest);
    }

    /** Docker's splitDockerDomain: {@code [domain, remainder]} with docker.io and {@code library/} filled in. */
    private static String[] splitDockerDomain(String name) {
        int slash = name.indexOf('/');
        if (slash < 0) {
            return new String[] {DOCKER_HUB, OFFICIAL_PREFIX + name};
        }
        String first = name.substring(0, slash);
        String rest = name.substring(slash + 1);
        String domain;
        String remote;
        if (first.equals("localhost") || first.indexOf('.') >= 0 || first.indexOf(':') >= 0
                || !first.toLowerCase(Locale.ROOT).equals(first)) {
            domain = first.equals(LEGACY_HUB) ? DOCKER_HUB : first;
            remote = rest;
        } else {
            domain = DOCKER_HUB;
            remote = name;
        }
        if (domain.equals(DOCKER_HUB) && remote.indexOf('/') < 0) {
            remote = OFFICIAL_PREFIX + remote;
        }
        return new String[] {domain, remote};
    }

    /** go-digest's Parse/Validate, with its messages; only sha256 is registered (as in Docker's tests). */
    private static Digest parseDigest(String input, String text) {
        int colon = text.indexOf(':');
        String algorithm = text.substring(0, colon);
        String hex = text.substring(colon + 1);
        if (!algorithm.equals("sha256")) {
            throw invalid(input, "unsupported digest algorithm");
        }
        if (hex.length() != 64) {
            throw invalid(input, "invalid checksum digest length");
        }
        if (!IDENTIFIER.matcher(hex).matches()) {
            throw invalid(input, "invalid checksum digest format");
        }
        return new Digest(algorithm, hex);
    }

    private static BerthException invalid(String input, String message) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, input, message);
    }

    /** The registry as written in the reference ({@code docker.io}, {@code 127.0.0.1:5000}, {@code localhost}). */
    public String registry() {
        return registry;
    }

    /** The host (and port) to speak the registry API to: {@code docker.io} is served by {@code registry-1.docker.io}. */
    public String registryHost() {
        return registry.equals(DOCKER_HUB) ? DOCKER_HUB_API_HOST : registry;
    }

    /** The repository path inside the registry, e.g. {@code library/busybox}. */
    public String repository() {
        return repository;
    }

    public Optional<String> tag() {
        return Optional.ofNullable(tag);
    }

    public Optional<Digest> digest() {
        return Optional.ofNullable(digest);
    }

    /** What a registry's {@code /manifests/<reference>} takes: the digest when there is one, else the tag. */
    public String manifestReference() {
        return digest != null ? digest.toString() : tag;
    }

    /** {@code registry/repository}, e.g. {@code docker.io/library/busybox}. */
    public String name() {
        return registry + "/" + repository;
    }

    /** The name as Docker shows it: {@code busybox}, {@code dmcgowan/myapp}, {@code 127.0.0.1:5000/x}. */
    public String familiarName() {
        if (!registry.equals(DOCKER_HUB)) {
            return name();
        }
        if (repository.startsWith(OFFICIAL_PREFIX) && repository.indexOf('/', OFFICIAL_PREFIX.length()) < 0) {
            return repository.substring(OFFICIAL_PREFIX.length());
        }
        return repository;
    }

    /** {@code docker.io/library/busybox:latest} (with {@code @digest} when there is one). */
    public String normalized() {
        return withSuffix(name());
    }

    /** {@code busybox:latest}, as {@code docker} prints references. */
    public String familiar() {
        return withSuffix(familiarName());
    }

    private String withSuffix(String base) {
        StringBuilder s = new StringBuilder(base);
        if (tag != null) {
            s.append(':').append(tag);
        }
        if (digest != null) {
            s.append('@').append(digest);
        }
        return s.toString();
    }

    /** This reference with the given tag (a digest, if any, is kept, as distribution/reference's WithTag does). */
    public ImageReference withTag(String newTag) {
        if (newTag == null || !TAG_ONLY.matcher(newTag).matches()) {
            throw invalid(String.valueOf(newTag), "invalid tag format");
        }
        return new ImageReference(registry, repository, newTag, digest);
    }

    /** This reference with the given digest (a tag, if any, is kept). */
    public ImageReference withDigest(Digest newDigest) {
        return new ImageReference(registry, repository, tag, Objects.requireNonNull(newDigest, "digest"));
    }

    /** This reference pinned to a digest only, as Docker's ParseDockerRef does for {@code name:tag@digest}. */
    public ImageReference digestOnly(Digest pinned) {
        return new ImageReference(registry, repository, null, Objects.requireNonNull(pinned, "digest"));
    }

    /** The same repository with no tag and no digest replaced by {@code tag}: {@code name:tag}. */
    public ImageReference tagOnly(String newTag) {
        return new ImageReference(registry, repository, null, null).withTag(newTag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ImageReference r && registry.equals(r.registry) && repository.equals(r.repository)
                && Objects.equals(tag, r.tag) && Objects.equals(digest, r.digest);
    }

    @Override
    public int hashCode() {
        return Objects.hash(registry, repository, tag, digest);
    }

    /** The normalized form. */
    @Override
    public String toString() {
        return normalized();
    }
}
