package io.berth.agent.runtime;

import java.util.List;

/** The result of a create: the id, the conmon pid watching it, and warnings for the user (Docker's "Warnings"). */
public record CreatedContainer(String id, int conmonPid, List<String> warnings) {
    public CreatedContainer {
        warnings = List.copyOf(warnings);
    }
}
