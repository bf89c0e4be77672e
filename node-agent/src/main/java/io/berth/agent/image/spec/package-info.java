/**
 * Wire types of the OCI image spec and Docker's manifest v2 schema 2: descriptors, manifests, indexes, image configs and
 * media types, as Jackson records. They mirror the JSON exactly and validate nothing; code that needs a
 * checked value converts explicitly (for example {@link io.berth.agent.image.spec.Descriptor#parsedDigest()}).
 */
package io.berth.agent.image.spec;
