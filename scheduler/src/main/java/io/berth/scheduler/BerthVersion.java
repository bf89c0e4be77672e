package io.berth.scheduler;

/** Berth's version as the jar's manifest says, or "dev" when run from classes. */
public final class BerthVersion {
    private BerthVersion() {
    }

    public static String current() {
        String version = BerthVersion.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
