package io.berth.agent.image.internal.archive;

import io.berth.agent.image.ContentStore;
import io.berth.agent.image.Image;
import io.berth.agent.image.ImageArchives;
import io.berth.agent.image.NewImage;
import io.berth.agent.image.ReferenceNormalizer;
import io.berth.agent.image.internal.layer.Compression;
import io.berth.agent.image.internal.snapshot.SnapshotStore;
import io.berth.agent.image.internal.store.DefaultImageStore;
import io.berth.agent.image.internal.store.ImageComposer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/** save, load and import over the content store, the snapshots and the image store. */
public final class DefaultImageArchives implements ImageArchives {
    private final ContentStore content;
    private final SnapshotStore snapshots;
    private final DefaultImageStore images;
    private final ImageComposer composer;
    private final ReferenceNormalizer names;

    public DefaultImageArchives(ContentStore content, SnapshotStore snapshots, DefaultImageStore images,
                                ImageComposer composer, ReferenceNormalizer names) {
        this.content = content;
        this.snapshots = snapshots;
        this.images = images;
        this.composer = composer;
        this.names = names;
    }

    @Override
    public void save(List<String> references, OutputStream out) throws IOException {
        new ArchiveSaver(content, snapshots, images, names).save(references, out);
    }

    @Override
    public LoadResult load(InputStream in) throws IOException {
        return new ArchiveLoader(content, images).load(in);
    }

    @Override
    public Image importImage(InputStream rootfsTar, NewImage spec) throws IOException {
        var layer = composer.writeLayer(out -> Compression.decompressed(rootfsTar).transferTo(out));
        NewImage withComment = new NewImage(spec.changes(), spec.author(),
                spec.message() == null ? "Imported from -" : spec.message(), spec.createdBy(), spec.names());
        return composer.compose(null, layer, withComment);
    }
}
