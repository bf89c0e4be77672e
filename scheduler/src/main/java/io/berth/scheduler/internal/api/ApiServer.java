package io.berth.scheduler.internal.api;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.handler.BodyHandler;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/**
 * The API: Vert.x Web on a unix socket (mode 0660, owned by root). A socket file left by a dead daemon is
 * removed; one that still answers means another berthd runs, which is an error, not something to take over.
 */
public final class ApiServer {
    private final Vertx vertx;
    private final Path socket;
    private HttpServer server;

    public ApiServer(Vertx vertx, Path socket) {
        this.vertx = vertx;
        this.socket = socket;
    }

    /**
     * Serves {@code raw} routes (HTTP upgrades that take the socket over: no body handler before them) and
     * {@code modules} (bodies read for them, up to 64 MiB; streamed uploads belong in raw routes).
     */
    public Future<Void> start(List<RouteModule> raw, List<RouteModule> modules, Handlers handlers) {
        try {
            prepareSocketPath();
        } catch (BerthException e) {
            return Future.failedFuture(e);
        }
        Router router = Router.router(vertx);
        for (RouteModule module : raw) {
            module.mount(router, handlers);
        }
        router.route().handler(BodyHandler.create().setBodyLimit(64L * 1024 * 1024)
                .setHandleFileUploads(false).setDeleteUploadedFilesOnEnd(true));
        for (RouteModule module : modules) {
            module.mount(router, handlers);
        }
        router.route().last().handler(ctx -> handlers.errors().send(ctx.response(),
                new BerthException(ErrorCategory.NOT_FOUND, ctx.request().path(), "page not found: "
                        + ctx.request().method() + " " + ctx.request().path())));
        router.route().failureHandler(ctx -> handlers.errors().send(ctx.response(),
                ctx.failure() != null ? ctx.failure() : new BerthException(ErrorCategory.INTERNAL, null,
                        "request failed with status " + ctx.statusCode())));
        server = vertx.createHttpServer(new HttpServerOptions().setCompressionSupported(false));
        return server.requestHandler(router)
                .listen(SocketAddress.domainSocketAddress(socket.toString()))
                .map(s -> {
                    restrictSocket();
                    return (Void) null;
                });
    }

    /** A router-less start for routes that need the raw request (upgrades), used by modules via the router. */
    public Future<Void> stop() {
        return server == null ? Future.succeededFuture() : server.close();
    }

    private void prepareSocketPath() {
        try {
            Files.createDirectories(socket.getParent());
            if (Files.exists(socket)) {
                if (answers(socket)) {
                    throw new BerthException(ErrorCategory.FAILED_PRECONDITION, socket.toString(),
                            "another berthd answers on " + socket + ": stop it first");
                }
                Files.delete(socket);
            }
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.FAILED_PRECONDITION, socket.toString(),
                    "cannot prepare the API socket " + socket + ": " + e.getMessage(), e);
        }
    }

    private static boolean answers(Path socket) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private void restrictSocket() {
        try {
            Files.setPosixFilePermissions(socket, PosixFilePermissions.fromString("rw-rw----"));
        } catch (IOException e) {
            throw new BerthException(ErrorCategory.INTERNAL, socket.toString(),
                    "cannot set mode 0660 on " + socket + ": " + e.getMessage(), e);
        }
    }
}
