package io.berth.agent.engine.spec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;

/**
 * The body of {@code POST /containers/create}: Docker's Config fields at the top level plus {@code
 * HostConfig}. Read through a tree because Jackson cannot unwrap into a record.
 */
public record CreateRequest(ContainerConfig config, HostConfig hostConfig) {

    public static CreateRequest parse(String body, ObjectMapper json) {
        try {
            JsonNode tree = json.readTree(body == null || body.isBlank() ? "{}" : body);
            if (!(tree instanceof ObjectNode object)) {
                throw new BerthException(ErrorCategory.INVALID_ARGUMENT, null, "the create body must be a JSON object");
            }
            JsonNode host = object.remove("HostConfig");
            ContainerConfig config = json.treeToValue(object, ContainerConfig.class);
            HostConfig hostConfig = host == null || host.isNull() ? json.treeToValue(json.createObjectNode(),
                    HostConfig.class) : json.treeToValue(host, HostConfig.class);
            return new CreateRequest(config, hostConfig);
        } catch (JsonProcessingException e) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, null, "invalid container create body: "
                    + e.getOriginalMessage());
        }
    }
}
