package io.berth.agent.registry;

/** The per-layer states of a pull or push, with the text {@code docker pull}/{@code docker push} prints. */
public enum ProgressState {
    PULLING_FS_LAYER("Pulling fs layer"),
    WAITING("Waiting"),
    DOWNLOADING("Downloading"),
    VERIFYING_CHECKSUM("Verifying Checksum"),
    DOWNLOAD_COMPLETE("Download complete"),
    ALREADY_EXISTS("Already exists"),
    RETRYING("Retrying"),
    PREPARING("Preparing"),
    PUSHING("Pushing"),
    PUSHED("Pushed"),
    LAYER_ALREADY_EXISTS("Layer already exists"),
    MOUNTED("Mounted from");

    private final String text;

    ProgressState(String text) {
        this.text = text;
    }

    public String text() {
        return text;
    }
}
