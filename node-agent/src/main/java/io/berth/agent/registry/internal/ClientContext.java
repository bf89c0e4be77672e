package io.berth.agent.registry.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.berth.agent.registry.RegistryConfig;
import java.time.Clock;
import java.util.concurrent.Executor;

/** What the pieces of one client share: transport, endpoint cache, authenticator, JSON, executor and clock. */
record ClientContext(
        RegistryConfig config,
        HttpTransport transport,
        EndpointResolver endpoints,
        Authenticator authenticator,
        ObjectMapper json,
        Executor executor,
        Clock clock) {
}
