package io.berth.cli.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.berth.cli.client.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatsRowTest {
    private static final String SAMPLE = "{\"id\":\"0123456789abcdef\",\"name\":\"/web\","
            + "\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":300000000,\"percpu_usage\":[1,2]},"
            + "\"system_cpu_usage\":20000000000,\"online_cpus\":2},"
            + "\"precpu_stats\":{\"cpu_usage\":{\"total_usage\":100000000},\"system_cpu_usage\":18000000000},"
            + "\"memory_stats\":{\"usage\":104857600,\"limit\":1073741824,\"stats\":{\"total_inactive_file\":52428800}},"
            + "\"pids_stats\":{\"current\":4},"
            + "\"networks\":{\"eth0\":{\"rx_bytes\":1500,\"tx_bytes\":700}},"
            + "\"blkio_stats\":{\"io_service_bytes_recursive\":[{\"op\":\"Read\",\"value\":4096000},"
            + "{\"op\":\"Write\",\"value\":8192},{\"op\":\"Total\",\"value\":4104192}]}}";

    @Test
    void whenASampleIsShown_thenDockersArithmetic() {
        StatsRow row = new StatsRow("web", Json.map(Json.parse(SAMPLE)), true);

        // (200M / 2000M) * 2 CPUs * 100 = 20 %; memory without the inactive file cache: 50 MiB of 1 GiB.
        assertEquals("20.00%", row.field("CPUPerc", List.of()));
        assertEquals("50MiB / 1GiB", row.field("MemUsage", List.of()));
        assertEquals("4.88%", row.field("MemPerc", List.of()));
        assertEquals("1.5kB / 700B", row.field("NetIO", List.of()));
        assertEquals("4.1MB / 8.19kB", row.field("BlockIO", List.of()));
        assertEquals("4", row.field("PIDs", List.of()));
        assertEquals("web", row.field("Name", List.of()));
        assertEquals("0123456789ab", row.field("ID", List.of()));
    }

    @Test
    void whenThereIsNoPreviousSample_thenCpuIsZero() {
        StatsRow row = new StatsRow("x", Json.map(Json.parse("{\"cpu_stats\":{\"cpu_usage\":{\"total_usage\":5}}}")),
                true);
        assertEquals("0.00%", row.field("CPUPerc", List.of()));
        assertEquals("0B / 0B", row.field("MemUsage", List.of()));
        assertEquals("0.00%", row.field("MemPerc", List.of()));
    }
}
