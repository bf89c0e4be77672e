package io.berth.cli.client;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.function.Consumer;

/**
 * berthd's API over its unix socket: one connection per request (connecting to a local socket costs a few
 * microseconds; keeping connections would cost threads and state). Every answer that is not a success becomes a
 * {@link DaemonError}; a daemon that does not answer at all becomes {@link #cannotConnect}.
 */
public final class EngineClient {
    private final DaemonAddress address;
    private final String userAgent;
    private final Consumer<EngineClient> whenAbsent;
    private boolean startTried;

    public EngineClient(DaemonAddress address, String version) {
        this(address, version, null);
    }

    /**
     * A client that calls {@code whenAbsent} (once) when nobody listens on the socket (missing or refused), then
     * connects again: how the command line starts berthd on the default socket.
     */
    public EngineClient(DaemonAddress address, String version, Consumer<EngineClient> whenAbsent) {
        this.address = address;
        this.userAgent = "berth-cli/" + version;
        this.whenAbsent = whenAbsent;
    }

    public DaemonAddress address() {
        return address;
    }

    /** Sends {@code request}; the caller reads and closes the response, whatever its status. */
    public Response send(Request request) {
        SocketChannel channel = connect();
        try {
            OutputStream out = new BufferedOutputStream(ChannelStreams.output(channel), 64 * 1024);
            request.writeTo(out, userAgent);
            InputStream in = new BufferedInputStream(ChannelStreams.input(channel), 64 * 1024);
            HttpHead head = HttpHead.read(in);
            return new Response(head, body(request, head, in), channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw broken(request, e);
        }
    }

    /** Sends {@code request} and fails with a {@link DaemonError} unless it succeeds. */
    public Response call(Request request) {
        return send(request).check();
    }

    /** Sends {@code request} and returns its JSON answer (null when empty), failing on an error status. */
    public Object json(Request request) {
        try (Response r = call(request)) {
            return r.json();
        }
    }

    /** Sends {@code request} and reads its (empty or ignored) answer, failing on an error status. */
    public void exec(Request request) {
        try (Response r = call(request)) {
            r.body().transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw broken(request, e);
        }
    }

    /**
     * Sends {@code request} with {@code Upgrade: tcp} and, on {@code 101} (or docker's older {@code 200}), returns
     * the raw connection.
     */
    public Hijacked upgrade(Request request) {
        request.header("Connection", "Upgrade").header("Upgrade", "tcp").header(Hijacked.FRAMED_STDIN_HEADER, "framed");
        SocketChannel channel = connect();
        try {
            OutputStream out = new BufferedOutputStream(ChannelStreams.output(channel), 8 * 1024);
            request.writeTo(out, userAgent);
            InputStream in = new BufferedInputStream(ChannelStreams.input(channel), 64 * 1024);
            HttpHead head = HttpHead.read(in);
            if (head.status() != 101 && head.status() != 200) {
                new Response(head, body(request, head, in), channel).check();
                throw new BerthException(ErrorCategory.INTERNAL, address.uri(), "the daemon answered "
                        + head.status() + " to " + request + " instead of switching protocols");
            }
            return new Hijacked(channel, in);
        } catch (IOException e) {
            closeQuietly(channel);
            throw broken(request, e);
        }
    }

    /** True when something answers {@code GET /_ping} with a success. */
    public boolean ping() {
        try (Response r = send(Request.get("/_ping"))) {
            return r.ok();
        } catch (BerthException e) {
            return false;
        }
    }

    private SocketChannel connect() {
        try {
            return open();
        } catch (IOException e) {
            if (whenAbsent == null || startTried || !absent(e)) {
                throw cannotConnect(address, e);
            }
            startTried = true;
            whenAbsent.accept(this);
            try {
                return open();
            } catch (IOException again) {
                throw cannotConnect(address, again);
            }
        }
    }

    private SocketChannel open() throws IOException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        try {
            channel.connect(UnixDomainSocketAddress.of(address.socket()));
            return channel;
        } catch (IOException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /** No socket file, or nobody accepting on it; not "permission denied", which a new daemon would not fix. */
    private boolean absent(IOException e) {
        String m = String.valueOf(e.getMessage());
        return !java.nio.file.Files.exists(address.socket()) || m.contains("refused")
                || m.contains("No such file");
    }

    /** Docker's words when nobody listens: {@code Cannot connect to the ... daemon at unix:///x. Is ... running?}. */
    public static CannotConnect cannotConnect(DaemonAddress address, Throwable cause) {
        return new CannotConnect(address, cause);
    }

    /** Nobody answers on the socket (missing, refused, no permission). */
    public static final class CannotConnect extends BerthException {
        private static final long serialVersionUID = 1L;

        CannotConnect(DaemonAddress address, Throwable cause) {
            super(ErrorCategory.UNAVAILABLE, address.uri(), "Cannot connect to the Berth daemon at " + address.uri()
                    + ". Is berthd running?", cause);
        }
    }

    private static InputStream body(Request request, HttpHead head, InputStream in) {
        if (request.method().equals("HEAD") || head.status() == 204 || head.status() == 304
                || head.status() / 100 == 1) {
            return InputStream.nullInputStream();
        }
        String te = head.header("Transfer-Encoding");
        if (te != null && te.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
            return new ChunkedInputStream(in);
        }
        String length = head.header("Content-Length");
        if (length != null) {
            try {
                return new BoundedInputStream(in, Long.parseLong(length.strip()));
            } catch (NumberFormatException e) {
                return in;
            }
        }
        return in;
    }

    private BerthException broken(Request request, IOException e) {
        return new BerthException(ErrorCategory.UNAVAILABLE, address.uri(), "the connection to the daemon at "
                + address.uri() + " broke during " + request + ": " + e.getMessage()
                + " (transient if berthd was restarting: try again)", e);
    }

    private static void closeQuietly(SocketChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing more to do
            }
        }
    }
}
