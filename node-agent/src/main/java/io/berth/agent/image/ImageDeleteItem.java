package io.berth.agent.image;

/** One line of {@code rmi}'s answer: a name untagged or an image/layer deleted (exactly one is set). */
public record ImageDeleteItem(String untagged, String deleted) {
    public static ImageDeleteItem untagged(String name) {
        return new ImageDeleteItem(name, null);
    }

    public static ImageDeleteItem deleted(Digest digest) {
        return new ImageDeleteItem(null, digest.toString());
    }

    @Override
    public String toString() {
        return untagged != null ? "Untagged: " + untagged : "Deleted: " + deleted;
    }
}
