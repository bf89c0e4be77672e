/**
 * The client side of berthd's API: HTTP/1.1 over a unix socket, with nothing but the JDK
 * ({@code SocketChannel} on a {@code UnixDomainSocketAddress}) and jackson-jr for JSON, so the command line stays
 * light and starts fast.
 *
 * <p>Main types: {@link io.berth.cli.client.DaemonAddress} (where the daemon listens: {@code -H},
 * {@code BERTH_HOST}, default), {@link io.berth.cli.client.EngineClient} (one connection per request; JSON calls,
 * streamed bodies, the {@code Upgrade: tcp} hijack of attach and exec), {@link io.berth.cli.client.Response}
 * (Content-Length, chunked or until-close bodies, read as a stream), {@link io.berth.cli.client.StreamDemux}
 * (Docker's 8-byte-header multiplexed stdout/stderr), {@link io.berth.cli.client.DaemonError} (a non-2xx answer,
 * its message printed as docker prints it) and {@link io.berth.cli.client.DaemonStarter} (starts berthd in the
 * background when nobody answers on the default socket).
 *
 * <p>Invariants: every call opens its own connection and the caller closes the {@code Response} (or
 * {@code Hijacked}) it gets; nothing here keeps state between calls or touches the process's streams itself —
 * streams are handed in.
 */
package io.berth.cli.client;
