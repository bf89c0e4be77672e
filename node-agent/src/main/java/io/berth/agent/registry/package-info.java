/**
 * The registry client: pull, push, login and logout against registries speaking the OCI Distribution API
 * (Docker manifest v2 schema 2 and OCI manifests, manifest lists and image indexes). {@link
 * io.berth.agent.registry.RegistryClient} is the entry point, configured by {@link
 * io.berth.agent.registry.RegistryConfig} and given a {@link io.berth.agent.registry.CredentialStore}.
 * Invariants: every byte stored is verified against its digest; plain HTTP and unchecked TLS are used only for
 * loopback and configured insecure registries; calls block and run on the caller's worker threads.
 */
package io.berth.agent.registry;
