package io.berth.cli.engine;

import io.berth.compose.BerthException;
import io.berth.compose.ErrorCategory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Docker's {@code --restart}, {@code --security-opt} and {@code --ulimit} values, for the create body's HostConfig. */
final class HostValues {
    private HostValues() {
    }

    static Map<String, Object> restartPolicy(String r, boolean rm) {
        Map<String, Object> p = new LinkedHashMap<>();
        if (r == null || r.isEmpty()) {
            p.put("Name", "no");
            p.put("MaximumRetryCount", 0);
            return p;
        }
        if (rm && !r.equals("no")) {
            throw invalid("--restart", "Conflicting options: --restart and --rm");
        }
        String[] parts = r.split(":", 2);
        if (!List.of("no", "always", "unless-stopped", "on-failure").contains(parts[0])) {
            throw invalid("--restart", "invalid restart policy '" + r + "': use no, always, unless-stopped or"
                    + " on-failure[:max-retries]");
        }
        int max = 0;
        if (parts.length == 2) {
            if (!parts[0].equals("on-failure")) {
                throw invalid("--restart", "invalid restart policy '" + r + "': maximum retry count can only be"
                        + " used with 'on-failure'");
            }
            try {
                max = Integer.parseInt(parts[1]);
            } catch (NumberFormatException e) {
                throw invalid("--restart", "invalid restart policy '" + r + "': maximum retry count must be an"
                        + " integer");
            }
        }
        p.put("Name", parts[0]);
        p.put("MaximumRetryCount", max);
        return p;
    }

    static List<String> securityOpts(List<String> opts, Path cwd) {
        List<String> out = new ArrayList<>();
        for (String o : opts) {
            String opt = o.replaceFirst("^(seccomp|apparmor|label):", "$1=");
            if (opt.startsWith("seccomp=") && !opt.equals("seccomp=unconfined") && !opt.equals("seccomp=builtin")) {
                Path file = cwd.resolve(opt.substring("seccomp=".length()));
                try {
                    opt = "seccomp=" + Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw invalid("--security-opt", "opening seccomp profile (" + file + ") failed: "
                            + e.getMessage());
                }
            }
            out.add(opt.equals("no-new-privileges=true") ? "no-new-privileges" : opt);
        }
        return out;
    }

    static List<Object> ulimits(List<String> specs) {
        List<Object> out = new ArrayList<>();
        for (String u : specs) {
            int eq = u.indexOf('=');
            if (eq <= 0) {
                throw invalid("--ulimit", "invalid ulimit argument: " + u + " (use name=soft[:hard])");
            }
            String[] limits = u.substring(eq + 1).split(":", 2);
            try {
                long soft = Long.parseLong(limits[0]);
                long hard = limits.length > 1 ? Long.parseLong(limits[1]) : soft;
                if (soft > hard) {
                    throw invalid("--ulimit", "ulimit soft limit must be less than or equal to hard limit: "
                            + soft + " > " + hard);
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("Name", u.substring(0, eq));
                m.put("Hard", hard);
                m.put("Soft", soft);
                out.add(m);
            } catch (NumberFormatException e) {
                throw invalid("--ulimit", "invalid ulimit argument: " + u + " (limits are integers)");
            }
        }
        return out;
    }

    private static BerthException invalid(String object, String message) {
        return new BerthException(ErrorCategory.INVALID_ARGUMENT, object, message);
    }
}
