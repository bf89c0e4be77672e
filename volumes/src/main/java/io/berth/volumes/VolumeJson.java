package io.berth.volumes;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The wire form of a volume, with Docker's field names ({@code docker volume inspect}): {@code CreatedAt} in
 * RFC 3339 (seconds, the daemon's zone), {@code Labels} and {@code Options} null when empty, {@code UsageData}
 * only when asked.
 */
@JsonPropertyOrder({"CreatedAt", "Driver", "Labels", "Mountpoint", "Name", "Options", "Scope", "UsageData"})
public record VolumeJson(
        @JsonProperty("CreatedAt") String createdAt,
        @JsonProperty("Driver") String driver,
        @JsonProperty("Labels") Map<String, String> labels,
        @JsonProperty("Mountpoint") String mountpoint,
        @JsonProperty("Name") String name,
        @JsonProperty("Options") Map<String, String> options,
        @JsonProperty("Scope") String scope,
        @JsonProperty("UsageData") @JsonInclude(JsonInclude.Include.NON_NULL) Usage usageData) {

    /** Docker's {@code UsageData}: {@code Size} in bytes (-1 unknown) and {@code RefCount}. */
    public record Usage(@JsonProperty("Size") long size, @JsonProperty("RefCount") long refCount) {
    }

    /** @param usage null to leave {@code UsageData} out */
    public static VolumeJson of(Volume v, UsageData usage, ZoneId zone) {
        String created = DateTimeFormatter.ISO_OFFSET_DATE_TIME
                .format(v.createdAt().truncatedTo(ChronoUnit.SECONDS).atZone(zone));
        return new VolumeJson(created, v.driver(), v.labels().isEmpty() ? null : v.labels(),
                v.mountpoint().toString(), v.name(), v.options().isEmpty() ? null : v.options(), Volume.SCOPE,
                usage == null ? null : new Usage(usage.size(), usage.refCount()));
    }
}
