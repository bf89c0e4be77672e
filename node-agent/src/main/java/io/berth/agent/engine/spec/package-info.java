/**
 * The container spec the engine executes, in the Docker Engine API's own shape ({@code Config} and
 * {@code HostConfig} as {@code POST /containers/create} sends them and {@code inspect} prints them). Keeping
 * Docker's shape as the spec, rather than a second model converted both ways, is deliberate: users, the CLI
 * and {@code inspect} all speak it. Records here are plain data; the engine validates them when it creates.
 */
package io.berth.agent.engine.spec;
