package io.berth.agent.image.internal.store;

import io.berth.agent.image.Digest;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageDeleteItem;
import io.berth.agent.image.ImageFilter;
import io.berth.agent.image.ImageLayer;
import io.berth.agent.image.ImageUsage.ContainerUse;
import io.berth.agent.image.PruneReport;
import io.berth.agent.image.internal.snapshot.Snapshot;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Docker's {@code rmi} and {@code image prune}, rule for rule (daemon/images/image_delete.go): a name given →
 * untag it (refused without force when it is the image's only repository and a container uses the image);
 * the last name gone, or an ID given → delete the image unless a running container uses it (never forced),
 * or without force a stopped container uses it or it is tagged in several repositories. Deleting removes the
 * record, then the blobs and snapshots nothing else references (a container's root filesystem counts).
 */
final class ImageRemover {
    private final DefaultImageStore store;

    ImageRemover(DefaultImageStore store) {
        this.store = store;
    }

    List<ImageDeleteItem> remove(String reference, boolean force) throws IOException {
        synchronized (store.lock) {
            var resolved = store.resolve(reference).orElseThrow(() -> DefaultImageStore.noSuchImage(reference));
            List<ImageDeleteItem> items = new ArrayList<>();
            Image image = resolved.image();
            boolean quiet = false;
            if (resolved.name() != null) {
                String name = resolved.name();
                if (!force && isSingleReference(image)) {
                    Optional<ContainerUse> user = store.usage.containersUsing(image.id()).stream().findFirst();
                    if (user.isPresent()) {
                        throw new BerthException(ErrorCategory.CONFLICT, "image " + reference,
                                "conflict: unable to remove repository reference \"" + reference + "\" (must force) - "
                                        + "container " + shortId(user.get().containerId()) + " is using its referenced image "
                                        + image.id().shortHex());
                    }
                }
                image = untag(image, name, items);
                if (!image.repoTags().isEmpty() || !image.repoDigests().isEmpty()) {
                    store.records.save(image);
                    return items;
                }
                quiet = true;
            } else if (isSingleReference(image)) {
                Conflict c = conflict(image, force ? Conflict.HARD : Conflict.HARD | Conflict.STOPPED);
                if (c != null) {
                    throw c.error(image);
                }
                image = untagAll(image, items);
            }
            deleteImage(image, items, force, quiet);
            return items;
        }
    }

    PruneReport prune(boolean all, ImageFilter filter) throws IOException {
        synchronized (store.lock) {
            List<ImageDeleteItem> items = new ArrayList<>();
            long reclaimed = 0;
            for (Image image : List.copyOf(store.records.all())) {
                if ((!all && !image.dangling()) || !filter.labelsMatch(image.labels())
                        || !store.usage.containersUsing(image.id()).isEmpty()
                        || store.records.byId(image.id()).isEmpty()) {
                    continue;
                }
                List<String> refs = new ArrayList<>(image.repoTags());
                refs.addAll(image.repoDigests());
                List<ImageDeleteItem> deleted = new ArrayList<>();
                try {
                    if (refs.isEmpty()) {
                        deleted.addAll(remove(image.id().toString(), false));
                    } else {
                        for (String ref : refs) {
                            if (store.records.byName(ref).isPresent()) {
                                deleted.addAll(remove(ref, false));
                            }
                        }
                    }
                } catch (BerthException conflict) {
                    // Docker skips images it cannot delete and goes on
                }
                for (ImageDeleteItem item : deleted) {
                    if (item.deleted() != null) {
                        reclaimed += image.layers().stream().filter(l -> l.chainId().toString().equals(item.deleted()))
                                .mapToLong(ImageLayer::unpackedSize).sum();
                    }
                }
                items.addAll(deleted);
            }
            return new PruneReport(items, reclaimed);
        }
    }

    private void deleteImage(Image image, List<ImageDeleteItem> items, boolean force, boolean quiet) throws IOException {
        Conflict c = conflict(image, force ? Conflict.HARD : Conflict.HARD | Conflict.SOFT);
        if (c != null) {
            if (quiet && (!image.dangling() || c.used)) {
                store.records.save(image); // the name is gone; the image stays, dangling
                return;
            }
            throw c.error(image);
        }
        image = untagAll(image, items);
        store.records.delete(image);
        items.add(ImageDeleteItem.deleted(image.id()));
        collect(image, items);
    }

    /** Deletes the blobs and snapshots of a removed image that nothing else references. */
    private void collect(Image removed, List<ImageDeleteItem> items) throws IOException {
        Set<Digest> blobs = new HashSet<>();
        Set<Digest> chains = new HashSet<>(store.pendingChains);
        chains.addAll(store.chainsInUse.get());
        for (Image other : store.records.all()) {
            blobs.add(other.id());
            blobs.add(other.manifestDigest());
            other.layers().forEach(l -> blobs.add(l.digest()));
            chains.addAll(other.chainIds());
        }
        List<ImageLayer> layers = removed.layers();
        for (int i = layers.size() - 1; i >= 0; i--) {
            Digest chain = layers.get(i).chainId();
            if (!chains.contains(chain)) {
                Optional<Snapshot> s = store.snapshots.get(chain);
                if (s.isPresent()) {
                    store.snapshots.remove(chain);
                    items.add(ImageDeleteItem.deleted(chain));
                }
            }
            if (!blobs.contains(layers.get(i).digest())) {
                store.content.delete(layers.get(i).digest());
            }
        }
        for (Digest d : List.of(removed.id(), removed.manifestDigest())) {
            if (!blobs.contains(d)) {
                store.content.delete(d);
            }
        }
    }

    private Image untag(Image image, String name, List<ImageDeleteItem> items) {
        List<String> tags = new ArrayList<>(image.repoTags());
        List<String> digests = new ArrayList<>(image.repoDigests());
        tags.remove(name);
        digests.remove(name);
        items.add(ImageDeleteItem.untagged(name));
        if (!name.contains("@")) {
            String repo = repository(name);
            if (tags.stream().noneMatch(t -> repository(t).equals(repo))) {
                for (String d : List.copyOf(digests)) {
                    if (repository(d).equals(repo)) {
                        digests.remove(d);
                        items.add(ImageDeleteItem.untagged(d));
                    }
                }
            }
        }
        return DefaultImageStore.withNames(image, tags, digests);
    }

    private static Image untagAll(Image image, List<ImageDeleteItem> items) {
        image.repoTags().forEach(t -> items.add(ImageDeleteItem.untagged(t)));
        image.repoDigests().forEach(d -> items.add(ImageDeleteItem.untagged(d)));
        return DefaultImageStore.withNames(image, List.of(), List.of());
    }

    /** Docker's isSingleReference: at most one tag, and every name in one repository. */
    static boolean isSingleReference(Image image) {
        List<String> refs = new ArrayList<>(image.repoTags());
        refs.addAll(image.repoDigests());
        if (refs.size() <= 1) {
            return refs.size() == 1;
        }
        String single = null;
        Set<String> canonical = new HashSet<>();
        for (String r : refs) {
            if (r.contains("@")) {
                canonical.add(repository(r));
            } else if (single == null) {
                single = r;
            } else {
                return false;
            }
        }
        if (single == null) {
            single = refs.get(0);
        }
        return canonical.size() == 1 && canonical.contains(repository(single));
    }

    static String repository(String name) {
        int at = name.indexOf('@');
        if (at >= 0) {
            return name.substring(0, at);
        }
        int colon = name.lastIndexOf(':');
        return colon > name.lastIndexOf('/') ? name.substring(0, colon) : name;
    }

    private Conflict conflict(Image image, int mask) {
        List<ContainerUse> users = store.usage.containersUsing(image.id());
        if ((mask & Conflict.HARD) != 0) {
            for (ContainerUse u : users) {
                if (u.running()) {
                    return new Conflict(true, true, "image is being used by running container " + shortId(u.containerId()));
                }
            }
        }
        if ((mask & Conflict.SOFT) != 0 && image.repoTags().size() + image.repoDigests().size() > 1) {
            return new Conflict(false, false, "image is referenced in multiple repositories");
        }
        if ((mask & Conflict.STOPPED) != 0 && !users.isEmpty()) {
            return new Conflict(false, true, "image is being used by stopped container " + shortId(users.get(0).containerId()));
        }
        return null;
    }

    private static String shortId(String id) {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** A reason not to delete: hard ones cannot be forced; {@code used} when a container is the reason. */
    private record Conflict(boolean hard, boolean used, String reason) {
        static final int HARD = 1;
        static final int STOPPED = 2;
        static final int SOFT = 4 | STOPPED;

        BerthException error(Image image) {
            return new BerthException(ErrorCategory.CONFLICT, "image " + image.id(),
                    "conflict: unable to delete " + image.id().shortHex() + " ("
                            + (hard ? "cannot be forced" : "must be forced") + ") - " + reason);
        }
    }
}
