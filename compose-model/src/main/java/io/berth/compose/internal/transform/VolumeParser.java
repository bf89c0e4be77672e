package io.berth.compose.internal.transform;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Parses the short volume syntax {@code [source:]target[:options]} into the long form, as compose does: a source
 * starting with {@code .}, {@code /} or {@code ~} (or a Windows drive) is a bind mount, anything else a named volume;
 * {@code ${...}} sections may contain colons.
 */
public final class VolumeParser {
    private static final Set<String> PROPAGATIONS = Set.of("rprivate", "private", "rshared", "shared", "rslave",
            "slave");

    private VolumeParser() {
    }

    /** @throws IllegalArgumentException naming the spec and the problem */
    public static Map<String, Object> parse(String spec) {
        Map<String, Object> v = new LinkedHashMap<>();
        if (spec.isEmpty()) {
            throw new IllegalArgumentException("invalid empty volume spec");
        }
        if (spec.length() <= 2) {
            v.put("type", "volume");
            v.put("target", spec);
            v.put("volume", new LinkedHashMap<>());
            return v;
        }
        String source = "";
        String target = "";
        StringBuilder buf = new StringBuilder();
        int depth = 0;
        String options = null;
        int n = spec.length();
        for (int i = 0; i <= n; i++) {
            char ch = i < n ? spec.charAt(i) : 0;
            if (ch == '$' && i + 1 < n && spec.charAt(i + 1) == '{') {
                depth++;
                buf.append(ch);
                continue;
            }
            if (ch == '}' && depth > 0) {
                depth--;
                buf.append(ch);
                continue;
            }
            boolean end = i == n;
            if (ch == ':' && buf.length() == 1 && Character.isLetter(buf.charAt(0))) {
                buf.append(ch); // windows drive letter
            } else if ((ch == ':' || end) && depth == 0) {
                String s = buf.toString();
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("invalid spec: " + spec + ": empty section between colons");
                } else if (source.isEmpty() && end) {
                    target = s;
                } else if (source.isEmpty()) {
                    source = s;
                } else if (target.isEmpty()) {
                    target = s;
                } else if (ch == ':') {
                    throw new IllegalArgumentException("invalid spec: " + spec + ": too many colons");
                } else {
                    options = s;
                }
                buf.setLength(0);
            } else {
                buf.append(ch);
            }
        }
        boolean bind = isFilePath(source);
        v.put("type", bind ? "bind" : "volume");
        if (!source.isEmpty()) {
            v.put("source", source);
        }
        v.put("target", target);
        Map<String, Object> bindOpts = new LinkedHashMap<>();
        Map<String, Object> volOpts = new LinkedHashMap<>();
        if (options != null) {
            for (String o : options.split(",")) {
                switch (o) {
                    case "ro" -> v.put("read_only", Boolean.TRUE);
                    case "rw" -> v.remove("read_only");
                    case "nocopy" -> volOpts.put("nocopy", Boolean.TRUE);
                    case "z", "Z" -> bindOpts.put("selinux", o);
                    default -> {
                        if (PROPAGATIONS.contains(o)) {
                            bindOpts.put("propagation", o);
                        }
                    }
                }
            }
        }
        if (bind) {
            bindOpts.put("create_host_path", Boolean.TRUE);
            v.put("bind", bindOpts);
            if (!volOpts.isEmpty()) {
                v.put("volume", volOpts); // compose-go keeps nocopy even on a bind mount
            }
        } else {
            if (!bindOpts.isEmpty()) {
                v.put("bind", bindOpts);
            }
            v.put("volume", volOpts);
        }
        return v;
    }

    static boolean isFilePath(String source) {
        if (source.isEmpty()) {
            return false;
        }
        char c = source.charAt(0);
        if (c == '.' || c == '/' || c == '~') {
            return true;
        }
        if (source.startsWith("\\\\")) {
            return true;
        }
        return source.length() > 1 && Character.isLetter(c) && source.charAt(1) == ':';
    }
}
