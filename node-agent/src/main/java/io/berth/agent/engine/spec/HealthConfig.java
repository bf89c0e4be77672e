package io.berth.agent.engine.spec;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * A health check as Docker writes it: {@code Test} is {@code ["NONE"]}, {@code ["CMD", args...]} or
 * {@code ["CMD-SHELL", command]}; durations in nanoseconds, 0 meaning "inherit/default".
 */
@JsonInclude(JsonInclude.Include.NON_DEFAULT)
@JsonIgnoreProperties(ignoreUnknown = true)
public record HealthConfig(
        @JsonProperty("Test") List<String> test,
        @JsonProperty("Interval") long interval,
        @JsonProperty("Timeout") long timeout,
        @JsonProperty("StartPeriod") long startPeriod,
        @JsonProperty("StartInterval") long startInterval,
        @JsonProperty("Retries") int retries) {

    public boolean disabled() {
        return test == null || test.isEmpty() || "NONE".equals(test.get(0));
    }
}
