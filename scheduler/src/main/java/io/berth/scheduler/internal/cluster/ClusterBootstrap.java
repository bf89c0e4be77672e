package io.berth.scheduler.internal.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.config.Config;
import com.hazelcast.config.InMemoryFormat;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MapStoreConfig;
import com.hazelcast.config.MultiMapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;
import io.berth.scheduler.internal.state.SqliteMapStore;
import io.berth.scheduler.internal.state.SqliteStore;
import java.util.List;

/**
 * Starts the embedded Hazelcast member of a berthd: TCP/IP join only (no multicast), bound to the configured
 * address, with every desired-state map written through to SQLite and loaded eagerly at start. The maps
 * Vert.x's cluster manager needs are configured as its default file does.
 */
public final class ClusterBootstrap {
    /** The maps of desired state; each is written through to {@code state.db}. */
    public static final List<String> DURABLE_MAPS = List.of("nodes", "containers");

    private ClusterBootstrap() {
    }

    /** The member attribute vertx-hazelcast reads the event bus node ID from. */
    static final String VERTX_NODE_ID = "__vertx.nodeId";

    /**
     * Starts the member. {@code busNodeId} names this process on the clustered event bus (new per start);
     * the node's durable identity is separate, in the {@code nodes} map.
     */
    public static HazelcastInstance start(ClusterSettings settings, String instanceName, String busNodeId,
                                          SqliteStore store, ObjectMapper json) {
        Config config = new Config();
        config.getMemberAttributeConfig().setAttribute(VERTX_NODE_ID, busNodeId);
        config.setInstanceName(instanceName);
        config.setClusterName(settings.clusterName());
        config.setProperty("hazelcast.phone.home.enabled", "false");
        config.setProperty("hazelcast.logging.type", "jdk");
        config.setProperty("hazelcast.shutdownhook.enabled", "false");
        config.setProperty("hazelcast.socket.bind.any", "false");
        config.setProperty("hazelcast.partition.count", "71");
        config.getJetConfig().setEnabled(false);
        network(config.getNetworkConfig(), settings);
        for (String name : DURABLE_MAPS) {
            MapStoreConfig storeConfig = new MapStoreConfig()
                    .setEnabled(true)
                    .setImplementation(new SqliteMapStore(store, name, json))
                    .setWriteDelaySeconds(0)
                    .setInitialLoadMode(MapStoreConfig.InitialLoadMode.EAGER);
            config.addMapConfig(new MapConfig(name)
                    .setInMemoryFormat(InMemoryFormat.OBJECT)
                    .setBackupCount(1)
                    .setMapStoreConfig(storeConfig));
        }
        config.addMultiMapConfig(new MultiMapConfig("__vertx.subs")
                .setBackupCount(1).setValueCollectionType(MultiMapConfig.ValueCollectionType.SET));
        config.addMapConfig(new MapConfig("__vertx.haInfo").setBackupCount(1));
        config.addMapConfig(new MapConfig("__vertx.nodeInfo").setBackupCount(1));
        return Hazelcast.newHazelcastInstance(config);
    }

    private static void network(NetworkConfig network, ClusterSettings settings) {
        network.setPort(settings.port() == 0 ? 5701 : settings.port()).setPortAutoIncrement(settings.port() == 0);
        network.setPortCount(100);
        network.getInterfaces().setEnabled(true).addInterface(settings.bindAddress());
        network.setPublicAddress(null);
        JoinConfig join = network.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        // Without members to join, no join at all: a cluster of one that never probes its neighbours' ports (other
        // berthds on this machine) and starts without waiting for answers.
        join.getTcpIpConfig().setEnabled(!settings.members().isEmpty()).setMembers(settings.members());
    }
}
