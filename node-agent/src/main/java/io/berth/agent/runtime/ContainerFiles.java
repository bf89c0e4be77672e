package io.berth.agent.runtime;

import java.nio.file.Path;

/** A container's log and the {@code /etc} files the runtime writes for it (inspect's LogPath, HostsPath...). */
public record ContainerFiles(Path log, Path hosts, Path hostname, Path resolvConf) {
}
