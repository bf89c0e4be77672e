package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.berth.volumes.PruneReport;
import io.berth.volumes.UsageData;
import io.berth.volumes.Volume;
import io.berth.volumes.VolumeCreateRequest;
import io.berth.volumes.VolumeJson;
import io.berth.volumes.VolumeOptions;
import io.berth.volumes.VolumeStore;
import io.berth.volumes.VolumeUsage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * {@link VolumeStore} of the local driver: one directory per volume under {@code <dataRoot>/volumes}, holding
 * {@code _data} and {@code volume.json}. Create and remove take the store's lock; mount use takes only the
 * volume's own, so containers starting on different volumes never wait for each other.
 */
public final class LocalVolumeStore implements VolumeStore {
    private final Path root;
    private final VolumeUsage usage;
    private final Clock clock;
    private final RandomGenerator random;
    private final MetadataFiles files = new MetadataFiles();
    private final Native nativ;
    private final Mounter mounter;
    private final VolumeDirectories dirs;
    private final Map<String, VolumeEntry> entries = new ConcurrentHashMap<>();
    private final Object createLock = new Object();

    private LocalVolumeStore(Path root, VolumeUsage usage, Clock clock, RandomGenerator random) {
        this.root = root;
        this.usage = usage;
        this.clock = clock;
        this.random = random;
        this.nativ = Native.load();
        this.mounter = new Mounter(nativ);
        this.dirs = new VolumeDirectories(root, files);
    }

    public static LocalVolumeStore open(Path dataRoot, VolumeUsage usage, Clock clock, RandomGenerator random) {
        Path root = dataRoot.toAbsolutePath().normalize().resolve("volumes");
        LocalVolumeStore store = new LocalVolumeStore(root, usage, clock, random);
        store.load();
        return store;
    }

    private void load() {
        try {
            for (VolumeRecord record : dirs.prepareAndScan()) {
                VolumeEntry entry = newEntry(record);
                Files.createDirectories(entry.dataDir()); // lost by hand? a volume always has its _data
                if (entry.volume().needsMount()) {
                    entry.restoreMountState(MountInfo.isMountPoint(entry.dataDir().toRealPath()));
                }
                entries.put(record.name(), entry);
            }
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, root.toString(),
                    "could not open the volume store in " + root + ": " + e.getMessage(), e);
        }
    }

    private VolumeEntry newEntry(VolumeRecord r) {
        Path dir = root.resolve(r.name());
        Volume v = new Volume(r.name(), r.driver(), dir.resolve("_data"), Instant.parse(r.createdAt()), r.labels(),
                r.options());
        return new VolumeEntry(dir, r, v, files, mounter);
    }

    @Override
    public Volume create(VolumeCreateRequest request) {
        String driver = request.driver() == null || request.driver().isEmpty()
                ? VolumeOptions.LOCAL_DRIVER : request.driver();
        boolean anonymous = request.name() == null || request.name().isEmpty();
        String name = anonymous ? generateName() : request.name();
        if (!driver.equals(VolumeOptions.LOCAL_DRIVER)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "volume " + name, "create " + name
                    + ": volume driver \"" + driver + "\" is not available: berth has only the \"local\" driver");
        }
        VolumeNames.validate(name);
        LocalDriverOptions.validate(name, request.driverOptions());
        Map<String, String> labels = new TreeMap<>(request.labels());
        if (anonymous) {
            labels.put(Volume.ANONYMOUS_LABEL, "");
        }
        synchronized (createLock) {
            VolumeEntry existing = entries.get(name);
            if (existing != null) {
                return sameOrConflict(existing.volume(), request.driverOptions());
            }
            VolumeRecord record = new VolumeRecord(VolumeRecord.VERSION, name, driver,
                    clock.instant().toString(), labels, request.driverOptions(), false, List.of());
            try {
                dirs.create(name, record);
            } catch (IOException e) {
                throw new BerthException(ErrorCategory.INTERNAL, "volume " + name, "create " + name
                        + ": could not make its directory under " + root + ": " + e.getMessage(), e);
            }
            VolumeEntry entry = newEntry(record);
            entries.put(name, entry);
            return entry.volume();
        }
    }

    private static Volume sameOrConflict(Volume existing, Map<String, String> options) {
        if (existing.options().equals(new TreeMap<>(options))) {
            return existing;
        }
        throw new BerthException(ErrorCategory.ALREADY_EXISTS, "volume " + existing.name(), "create "
                + existing.name() + ": volume name must be unique: volume " + existing.name()
                + " already exists with other options " + existing.options() + " (asked " + new TreeMap<>(options)
                + "): remove it first (volume rm " + existing.name() + ") or choose another name");
    }

    private String generateName() {
        byte[] bytes = new byte[32];
        while (true) {
            random.nextBytes(bytes);
            String id = HexFormat.of().formatHex(bytes);
            if (!id.substring(0, 12).chars().allMatch(Character::isDigit)) {
                return id; // as Docker: a short id that reads as a number would be ambiguous
            }
        }
    }

    private VolumeEntry entry(String name) {
        VolumeEntry e = entries.get(name);
        if (e == null) {
            throw new BerthException(ErrorCategory.NOT_FOUND, "volume " + name, "get " + name
                    + ": no such volume");
        }
        return e;
    }

    @Override
    public Volume inspect(String name) {
        return entry(name).volume();
    }

    @Override
    public UsageData usage(String name) {
        VolumeEntry e = entry(name);
        long size = e.volume().needsMount() ? -1 : DirectorySize.of(e.dataDir());
        return new UsageData(size, references(e).size());
    }

    @Override
    public VolumeJson inspectJson(String name, boolean withUsage) {
        Volume v = inspect(name);
        return VolumeJson.of(v, withUsage ? usage(name) : null, clock.getZone());
    }

    private Set<String> references(VolumeEntry e) {
        Set<String> refs = new java.util.TreeSet<>(usage.containersUsing(e.volume().name()));
        refs.addAll(e.users());
        return refs;
    }

    @Override
    public List<Volume> list(Map<String, List<String>> filters) {
        VolumeFilters.validateKeys(filters, VolumeFilters.LIST_KEYS);
        Optional<Boolean> dangling = VolumeFilters.dangling(filters);
        Predicate<Volume> match = VolumeFilters.matcher(filters);
        List<Volume> out = new ArrayList<>();
        for (VolumeEntry e : sortedEntries()) {
            if (match.test(e.volume()) && dangling.map(d -> d == references(e).isEmpty()).orElse(true)) {
                out.add(e.volume());
            }
        }
        return out;
    }

    private List<VolumeEntry> sortedEntries() {
        return entries.values().stream()
                .sorted(java.util.Comparator.comparing(en -> en.volume().name())).toList();
    }

    @Override
    public void remove(String name, boolean force) {
        synchronized (createLock) {
            VolumeEntry e = entries.get(name);
            if (e == null) {
                if (force) {
                    return;
                }
                throw new BerthException(ErrorCategory.NOT_FOUND, "volume " + name, "get " + name
                        + ": no such volume");
            }
            synchronized (e) {
                Set<String> refs = references(e);
                if (!refs.isEmpty()) {
                    throw new BerthException(ErrorCategory.CONFLICT, "volume " + name, "remove " + name
                            + ": volume is in use - [" + String.join(", ", refs) + "]: remove the container(s) "
                            + String.join(", ", refs) + " first (-f does not override this)");
                }
                e.markRemoved();
            }
            entries.remove(name);
            try {
                dirs.delete(name);
            } catch (IOException ex) {
                throw new BerthException(ErrorCategory.INTERNAL, "volume " + name, "remove " + name
                        + ": its data could not be deleted completely: " + ex.getMessage()
                        + ": the rest is removed when berthd starts again", ex);
            }
        }
    }

    @Override
    public PruneReport prune(Map<String, List<String>> filters) {
        VolumeFilters.validateKeys(filters, VolumeFilters.PRUNE_KEYS);
        boolean all = VolumeFilters.booleanFilter(filters, "all").orElse(false);
        Map<String, List<String>> effective = new HashMap<>(filters);
        effective.remove("all");
        if (!all) {
            List<String> labels = new ArrayList<>(effective.getOrDefault("label", List.of()));
            labels.add(Volume.ANONYMOUS_LABEL);
            effective.put("label", labels);
        }
        Predicate<Volume> match = VolumeFilters.matcher(effective);
        List<String> deleted = new ArrayList<>();
        long reclaimed = 0;
        for (VolumeEntry e : sortedEntries()) {
            Volume v = e.volume();
            if (!match.test(v) || v.needsMount() || !v.options().isEmpty() || !references(e).isEmpty()) {
                continue;
            }
            long size = DirectorySize.of(e.dataDir());
            try {
                remove(v.name(), false);
            } catch (BerthException ex) {
                continue; // became used meanwhile, or vanished: prune skips it, as Docker does
            }
            deleted.add(v.name());
            reclaimed += Math.max(size, 0);
        }
        return new PruneReport(deleted, reclaimed);
    }

    @Override
    public Path acquire(String name, String containerId) {
        return entry(name).acquire(containerId);
    }

    @Override
    public void release(String name, String containerId) {
        VolumeEntry e = entries.get(name);
        if (e != null) {
            e.release(containerId);
        }
    }

    @Override
    public boolean copyUp(String name, Path rootfs, String containerPath) {
        VolumeEntry e = entry(name);
        try {
            return new VolumeCopyUp(nativ).copyUp(e, rootfs, containerPath);
        } catch (IOException ex) {
            throw new BerthException(ErrorCategory.INTERNAL, "volume " + name, "could not copy the image's "
                    + containerPath + " into volume " + name + ": " + ex.getMessage(), ex);
        }
    }

    @Override
    public Set<String> activeUsers(String name) {
        return entry(name).users();
    }

    @Override
    public void retainUsers(Set<String> liveContainerIds) {
        Set<String> live = new HashSet<>(liveContainerIds);
        for (VolumeEntry e : entries.values()) {
            e.retain(live);
        }
    }
}
