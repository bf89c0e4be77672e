package io.berth.agent.runtime.internal;

import java.nio.file.Path;

/**
 * Where everything of a container lives. In the data root (survives reboots), {@code containers/<id>/}: the
 * bundle ({@code config.json}), {@code container.json} (our record), {@code hosts}, {@code resolv.conf},
 * {@code hostname}, the log {@code ctr.log} (+ {@code .1}... when rotated), {@code exit} (conmon's persisted exit
 * code), pid files, conmon's {@code ctl} FIFO and attach socket. In the run root (tmpfs): the OCI runtime's state,
 * {@code exits/<id>} (watched with inotify) and {@code sock/<id>}, conmon's short link to the bundle for the
 * attach socket (unix socket paths must fit 107 bytes).
 */
record ContainerPaths(Path dataRoot, Path runRoot, String runtimeName) {

    Path containersDir() {
        return dataRoot.resolve("containers");
    }

    Path dir(String id) {
        return containersDir().resolve(id);
    }

    Path record(String id) {
        return dir(id).resolve("container.json");
    }

    Path log(String id) {
        return dir(id).resolve("ctr.log");
    }

    Path persistedExit(String id) {
        return dir(id).resolve("exit");
    }

    Path started(String id) {
        return dir(id).resolve("started");
    }

    Path conmonPid(String id) {
        return dir(id).resolve("conmon.pid");
    }

    Path containerPid(String id) {
        return dir(id).resolve("ctr.pid");
    }

    Path ctlFifo(String id) {
        return dir(id).resolve("ctl");
    }

    Path execDir(String id, String execId) {
        return dir(id).resolve("exec").resolve(execId);
    }

    Path runtimeRoot() {
        return runRoot.resolve(runtimeName);
    }

    Path exitsDir() {
        return runRoot.resolve("exits");
    }

    Path exitFile(String id) {
        return exitsDir().resolve(id);
    }

    Path socketDir() {
        return runRoot.resolve("sock");
    }

}
