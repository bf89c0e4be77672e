package io.berth.volumes.internal;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.util.regex.Pattern;

/** Docker's rule for local volume names: {@code [a-zA-Z0-9][a-zA-Z0-9_.-]+}, so a name is one safe path element. */
public final class VolumeNames {
    public static final String RESTRICTED_NAME_CHARS = "[a-zA-Z0-9][a-zA-Z0-9_.-]";
    private static final Pattern NAME = Pattern.compile("^" + RESTRICTED_NAME_CHARS + "+$");

    private VolumeNames() {
    }

    /** Throws INVALID_ARGUMENT with Docker's message ({@code create NAME: ...}) unless {@code name} is valid. */
    public static void validate(String name) {
        if (name.length() == 1) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "volume " + name, "create " + name
                    + ": volume name is too short, names should be at least two alphanumeric characters");
        }
        if (!NAME.matcher(name).matches()) {
            throw new BerthException(ErrorCategory.INVALID_ARGUMENT, "volume " + name, "create " + name + ": \""
                    + name + "\" includes invalid characters for a local volume name, only \"" + RESTRICTED_NAME_CHARS
                    + "\" are allowed. If you intended to pass a host directory, use absolute path");
        }
    }
}
