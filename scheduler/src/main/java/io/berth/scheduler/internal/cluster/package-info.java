/**
 * berthd's cluster: the embedded Hazelcast member (TCP/IP join, never multicast; a single host is a cluster
 * of one bound to loopback) and the settings it starts from. The Vert.x event bus is clustered over the same
 * member by the daemon's composition root.
 */
package io.berth.scheduler.internal.cluster;
