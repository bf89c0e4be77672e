/**
 * The registry client's workings: {@code HttpTransport} (the JDK HttpClient, bounded waits), {@code
 * EndpointResolver} (HTTPS or, for loopback and insecure registries only, plain HTTP; the {@code /v2/} probe),
 * {@code Authenticator} (WWW-Authenticate challenges, Basic, Bearer tokens cached per scope), {@code
 * RepositorySession} (one operation's requests: auth retry, redirects without credentials), {@code Puller} with
 * {@code ManifestFetcher} and {@code BlobDownloader} (streamed, resumable, verified), {@code Pusher} with
 * {@code BlobUploader} (HEAD, mount, monolithic or chunked), and the Docker {@code config.json} credential file.
 * Invariants: no static state; credentials are only sent to the registry host; nothing unverified is committed.
 */
package io.berth.agent.registry.internal;
