package io.berth.agent.runtime.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.berth.agent.runtime.ContainerConfig;
import io.berth.agent.runtime.CreatedContainer;
import io.berth.agent.runtime.LogConfig;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Creates a container: resolves the user, writes the bundle ({@code config.json}), Berth's record and the
 * {@code /etc} files into the container directory, then starts conmon, which runs {@code runtime create} and
 * reports the container's pid (or the runtime's error) on the sync pipe. On any failure nothing is left behind.
 */
final class ContainerCreator {
    private final RuntimeContext ctx;
    private final OciSpecWriter writer;
    private final Cleaner cleaner;

    ContainerCreator(RuntimeContext ctx, OciSpecWriter writer, Cleaner cleaner) {
        this.ctx = ctx;
        this.writer = writer;
        this.cleaner = cleaner;
    }

    CreatedContainer create(ContainerConfig config) {
        String id = config.id();
        Path dir = ctx.paths().dir(id);
        Path rootfs = config.filesystem().rootfs();
        if (!Files.isDirectory(rootfs)) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "container " + id,
                    "root file system " + rootfs + " of container " + id + " is not a directory: mount it first");
        }
        var user = UserResolver.resolve(rootfs, config.process().user());
        SpecInputs inputs = new SpecInputs(dir, ctx.settings().cgroupParent(), ctx.settings().initBinary(), ctx.facts());
        if (config.host().options().init() && !Files.isExecutable(ctx.settings().initBinary())) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "container " + id, "--init needs "
                    + ctx.settings().initBinary() + ", which is missing: install catatonit (or configure tini-static)");
        }
        OciSpecWriter.Result spec = writer.write(config, user, inputs);
        try {
            Files.createDirectories(ctx.paths().containersDir());
            // A directory without our record is what reset() leaves of an exited container: its logs.
            if (!Files.isDirectory(dir) || Files.exists(ctx.paths().record(id))) {
                Files.createDirectory(dir);
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new BerthException(ErrorCategory.ALREADY_EXISTS, "container " + id,
                    "container " + id + " exists already: delete it first or use another id", e);
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, "container " + id, "cannot create " + dir + ": " + e, e);
        }
        try {
            writeFiles(config, spec.spec(), dir);
            int conmonPid = startConmon(config, dir);
            return new CreatedContainer(id, conmonPid, spec.warnings());
        } catch (RuntimeException | IOException e) {
            cleaner.removeAll(id, ctx.cgroupsPath(id));
            if (e instanceof BerthException be) {
                throw be;
            }
            throw new BerthException(ErrorCategory.INTERNAL, "container " + id,
                    "cannot create container " + id + ": " + e.getMessage(), e);
        }
    }

    private void writeFiles(ContainerConfig config, OciSpec spec, Path dir) throws IOException {
        var network = config.host().network();
        Files.writeString(dir.resolve("hosts"), EtcFiles.hosts(network, HostProbe.readOr(Path.of("/etc/hosts"), "")));
        Files.writeString(dir.resolve("resolv.conf"),
                EtcFiles.resolvConf(network.mode(), HostProbe.readOr(Path.of("/etc/resolv.conf"), "")));
        Files.writeString(dir.resolve("hostname"), EtcFiles.hostname(spec.hostname()));
        ctx.json().writeValue(dir.resolve("config.json").toFile(), spec);
        LogConfig log = config.host().options().log();
        var record = new ContainerRecord(config.id(), config.name(), config.host().options().stopSignal(),
                config.process().tty(), config.process().openStdin(), log.maxSize(), log.maxFile(),
                ctx.cgroupsPath(config.id()), config.filesystem().rootfs().toString(), ctx.clock().instant().toString());
        ctx.json().writeValue(ctx.paths().record(config.id()).toFile(), record);
    }

    private int startConmon(ContainerConfig config, Path dir) throws IOException {
        String id = config.id();
        List<String> args = commonArgs(ctx, id, id);
        args.addAll(List.of("-b", dir.toString(), "-p", ctx.paths().containerPid(id).toString(),
                "-P", ctx.paths().conmonPid(id).toString(), "-l", "k8s-file:" + ctx.paths().log(id),
                "--exit-dir", ctx.paths().exitsDir().toString(), "--persist-dir", dir.toString(),
                "--socket-dir-path", ctx.paths().socketDir().toString()));
        if (!config.name().isEmpty()) {
            args.addAll(List.of("-n", config.name()));
        }
        LogConfig log = config.host().options().log();
        if (log.maxSize() > 0 && log.maxFile() == 1) {
            args.add("--log-size-max=" + log.maxSize());
        }
        if (config.process().openStdin()) {
            args.add("-i");
        }
        if (config.process().tty()) {
            args.add("-t");
        }
        try (Conmon.Launch launch = ctx.conmon().start(args, null)) {
            JsonNode msg = launch.nextSync();
            if (msg == null || msg.path("data").asInt(-1) <= 0) {
                String why = msg != null ? msg.path("message").asText("") : launch.stderr();
                throw new BerthException(ErrorCategory.FAILED_PRECONDITION, "container " + id,
                        ctx.info().name() + " could not create container " + id + ": " + why.strip());
            }
        }
        return Integer.parseInt(Files.readString(ctx.paths().conmonPid(id)).strip());
    }

    /** The arguments every conmon of ours gets: api version, ids, runtime and its root, log level. */
    static List<String> commonArgs(RuntimeContext ctx, String cid, String cuuid) {
        return new ArrayList<>(List.of("--api-version", "1", "-c", cid, "-u", cuuid,
                "-r", ctx.cli().binary().toString(), "--runtime-arg=--root=" + ctx.cli().root(),
                "--no-sync-log", "--log-level=error"));
    }
}
