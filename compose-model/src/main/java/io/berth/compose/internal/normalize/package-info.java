/**
 * What happens after the files are merged: {@code Normalizer} (default network, implicit dependencies, resource names), {@code ProjectRules} (profiles, selected services, unused resources, env files), {@code Consistency} (semantic checks with actionable messages), {@code ConfigHash}.
 */
package io.berth.compose.internal.normalize;
