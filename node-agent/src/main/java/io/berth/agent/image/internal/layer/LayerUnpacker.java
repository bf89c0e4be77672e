package io.berth.agent.image.internal.layer;

import io.berth.agent.image.Digest;
import io.berth.agent.image.internal.fs.NativeFs;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Unpacks one layer (tar, gzip or zstd, told by magic bytes) into a directory as an overlayfs layer: whiteouts
 * {@code .wh.NAME} become character devices 0:0, {@code .wh..wh..opq} the {@code trusted.overlay.opaque=y}
 * xattr of its directory. Owners, modes (setuid included), mtimes, xattrs (PAX {@code SCHILY.xattr.*}),
 * devices, fifos, hard and symbolic links are kept. Nothing is ever written outside the target: names are
 * cleaned and parents resolved inside it ({@link RootResolver}); a hard link must name an entry already
 * extracted. Returns the diff ID, the sha256 of the whole uncompressed tar.
 * Not thread-safe: use one instance per layer (they are cheap); layers may unpack in parallel.
 */
public final class LayerUnpacker {
    private static final String WHITEOUT = ".wh.";
    private static final String OPAQUE = ".wh..wh..opq";
    private static final String XATTR_PAX = "SCHILY.xattr.";
    private static final byte[] OPAQUE_VALUE = {'y'};

    private final NativeFs fs;
    private final byte[] buffer = new byte[256 * 1024];
    private long contentSize;

    public LayerUnpacker(NativeFs fs) {
        this.fs = fs;
    }

    /**
     * What an unpack found: the diff ID, the size of the uncompressed tar and the bytes of its regular files
     * (hard links counted once), which is what Docker calls the size of a layer.
     */
    public record Result(Digest diffId, long size, long contentSize) {
    }

    /** Unpacks into {@code target}, an existing (normally empty and private) directory. */
    public Result unpack(InputStream layer, Path target) throws IOException {
        HashingInputStream tarBytes = new HashingInputStream(Compression.decompressed(layer));
        RootResolver resolver = new RootResolver(target);
        List<DeferredDir> dirs = new ArrayList<>();
        TarArchiveInputStream tar = new TarArchiveInputStream(tarBytes, 10240, 512, StandardCharsets.UTF_8.name(), true);
        for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
            apply(e, tar, target, resolver, dirs);
        }
        tarBytes.transferTo(OutputStream.nullOutputStream());
        for (int i = dirs.size() - 1; i >= 0; i--) {
            DeferredDir d = dirs.get(i);
            fs.chmod(d.path, d.mode);
            fs.lutimes(d.path, d.seconds, d.nanos);
        }
        return new Result(tarBytes.digest(), tarBytes.count(), contentSize);
    }

    private void apply(TarArchiveEntry e, TarArchiveInputStream tar, Path root, RootResolver resolver,
                       List<DeferredDir> dirs) throws IOException {
        String name = RootResolver.clean(e.getName());
        if (name.isEmpty()) {
            if (e.isDirectory()) {
                setOwnerAndXattrs(root, e, false);
                dirs.add(deferred(root, e));
            }
            return;
        }
        String base = name.substring(name.lastIndexOf('/') + 1);
        if (base.startsWith(WHITEOUT)) {
            whiteout(name, base, resolver);
            return;
        }
        Path path = resolver.entryPath(name);
        if (e.isDirectory()) {
            if (!fs.mkdir(path, 0755) && !Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                removeExisting(path, resolver);
                fs.mkdir(path, 0755);
            }
            resolver.knownDirectory(name, root.relativize(path).toString());
            setOwnerAndXattrs(path, e, false);
            dirs.add(deferred(path, e));
            return;
        }
        if (e.isLink()) {
            hardLink(e, path, root, resolver);
            return;
        }
        try {
            create(e, tar, path);
        } catch (FileAlreadyExistsException exists) {
            removeExisting(path, resolver);
            create(e, tar, path);
        }
        boolean symlink = e.isSymbolicLink();
        setOwnerAndXattrs(path, e, symlink);
        if (!symlink) {
            fs.chmod(path, e.getMode());
        }
        setTime(path, e);
    }

    private void create(TarArchiveEntry e, TarArchiveInputStream tar, Path path) throws IOException {
        if (e.isSymbolicLink()) {
            fs.symlink(e.getLinkName(), path);
        } else if (e.isCharacterDevice() || e.isBlockDevice() || e.isFIFO()) {
            int type = e.isFIFO() ? NativeFs.S_IFIFO : e.isCharacterDevice() ? NativeFs.S_IFCHR : NativeFs.S_IFBLK;
            fs.mknod(path, type | (e.getMode() & 07777), e.getDevMajor(), e.getDevMinor());
        } else if (e.isFile()) {
            try (OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                for (int n; (n = tar.read(buffer)) > 0; ) {
                    out.write(buffer, 0, n);
                    contentSize += n;
                }
            }
        } else {
            throw new IOException("unsupported tar entry type '" + (char) e.getLinkFlag() + "' for " + e.getName());
        }
    }

    private void hardLink(TarArchiveEntry e, Path path, Path root, RootResolver resolver) throws IOException {
        String targetName = RootResolver.clean(e.getLinkName());
        Path target = targetName.isEmpty() ? root : resolver.entryPath(targetName);
        if (!Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("hard link " + e.getName() + " -> " + e.getLinkName()
                    + ": the target is not in the layer (a link may only name an entry that comes before it)");
        }
        if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException("hard link " + e.getName() + " -> " + e.getLinkName() + ": the target is a directory");
        }
        if (target.equals(path)) {
            return;
        }
        try {
            fs.link(target, path);
        } catch (FileAlreadyExistsException exists) {
            removeExisting(path, resolver);
            fs.link(target, path);
        }
    }

    private void whiteout(String name, String base, RootResolver resolver) throws IOException {
        int slash = name.lastIndexOf('/');
        String dirName = slash < 0 ? "" : name.substring(0, slash);
        if (base.equals(OPAQUE)) {
            Path dir = dirName.isEmpty() ? resolver.root() : resolver.directory(dirName);
            fs.lsetxattr(dir, "trusted.overlay.opaque", OPAQUE_VALUE);
            return;
        }
        if (base.startsWith(WHITEOUT + WHITEOUT)) {
            return; // aufs metadata (.wh..wh.plnk, .wh..wh.aufs): not content
        }
        String hidden = base.substring(WHITEOUT.length());
        Path path = resolver.entryPath(dirName.isEmpty() ? hidden : dirName + "/" + hidden);
        try {
            fs.mknod(path, NativeFs.S_IFCHR, 0, 0);
        } catch (FileAlreadyExistsException exists) {
            removeExisting(path, resolver);
            fs.mknod(path, NativeFs.S_IFCHR, 0, 0);
        }
    }

    private void setOwnerAndXattrs(Path path, TarArchiveEntry e, boolean symlink) throws IOException {
        long uid = e.getLongUserId();
        long gid = e.getLongGroupId();
        if (fs.isRoot() && (uid != 0 || gid != 0)) {
            fs.lchown(path, uid, gid);
        }
        Map<String, String> pax = e.getExtraPaxHeaders();
        if (pax.isEmpty()) {
            return;
        }
        for (Map.Entry<String, String> h : pax.entrySet()) {
            if (!h.getKey().startsWith(XATTR_PAX)) {
                continue;
            }
            String xattr = h.getKey().substring(XATTR_PAX.length());
            if (xattr.startsWith("trusted.overlay.") || (symlink && xattr.startsWith("user."))) {
                continue; // overlay's own attributes come only from whiteouts; user.* is refused on links
            }
            fs.lsetxattr(path, xattr, h.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    private void setTime(Path path, TarArchiveEntry e) throws IOException {
        var t = e.getLastModifiedTime().toInstant();
        fs.lutimes(path, t.getEpochSecond(), t.getNano());
    }

    private static DeferredDir deferred(Path path, TarArchiveEntry e) {
        var t = e.getLastModifiedTime().toInstant();
        return new DeferredDir(path, e.getMode(), t.getEpochSecond(), t.getNano());
    }

    private static void removeExisting(Path path, RootResolver resolver) throws IOException {
        if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            TreeDelete.delete(path);
        } else {
            Files.deleteIfExists(path);
        }
        resolver.invalidate();
    }

    private record DeferredDir(Path path, int mode, long seconds, long nanos) {
    }
}
