package io.berth.compose.internal.load;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.transform.Paths;
import io.berth.compose.internal.tree.Trees;

import java.util.List;
import java.util.Map;

/**
 * Makes relative paths absolute against a base directory, field by field as compose does: build contexts
 * (unless remote, {@code service:} or a URL), additional contexts, env_file and label_file, bind mount sources,
 * extends.file, develop.watch paths, secret and config files, local volume devices bound with {@code o: bind}.
 * {@code ~} expands to the user's home.
 */
final class PathResolver {
    private static final List<String> REMOTE_PREFIXES = List.of("https://", "http://", "git://", "ssh://",
            "github.com/", "git@");

    private final String base;
    private final String home;

    PathResolver(String base, String home) {
        this.base = base;
        this.home = home;
    }

    void resolve(Map<String, Object> dict) {
        Map<String, Object> services = FileLoader.services(dict);
        if (services != null) {
            for (Object s : services.values()) {
                if (s instanceof Map<?, ?> m) {
                    service(Trees.map(m));
                }
            }
        }
        for (String key : List.of("configs", "secrets")) {
            if (dict.get(key) instanceof Map<?, ?> section) {
                for (Object o : section.values()) {
                    if (o instanceof Map<?, ?> m && m.get("file") instanceof String f) {
                        Trees.map(m).put("file", bindSource(f)); // maybeUnixPath in compose-go
                    }
                }
            }
        }
        if (dict.get("volumes") instanceof Map<?, ?> volumes) {
            for (Object o : volumes.values()) {
                if (o instanceof Map<?, ?> v && "local".equals(v.get("driver"))
                        && v.get("driver_opts") instanceof Map<?, ?> opts && "bind".equals(opts.get("o"))
                        && opts.get("device") instanceof String dev) {
                    Trees.map(opts).put("device", bindSource(dev)); // maybeUnixPath, as bind mount sources
                }
            }
        }
    }

    private void service(Map<String, Object> s) {
        if (s.get("build") instanceof Map<?, ?> b) {
            Map<String, Object> build = Trees.map(b);
            if (build.get("context") instanceof String c) {
                build.put("context", context(c));
            }
            if (build.get("additional_contexts") instanceof Map<?, ?> ac) {
                Trees.map(ac).replaceAll((k, v) -> v instanceof String str ? context(str) : v);
            }
            if (build.get("ssh") instanceof Map<?, ?> ssh) {
                Trees.map(ssh).replaceAll((k, v) -> v instanceof String str ? bindSource(str) : v);
            }
        }
        if (s.get("env_file") instanceof List<?> l) {
            for (Object o : l) {
                if (o instanceof Map<?, ?> m && m.get("path") instanceof String p) {
                    Trees.map(m).put("path", abs(p));
                }
            }
        }
        if (s.get("label_file") instanceof List<?> l) {
            List<Object> list = Trees.list(l);
            list.replaceAll(o -> o instanceof String p ? abs(p) : o);
        }
        if (s.get("extends") instanceof Map<?, ?> e && e.get("file") instanceof String f) {
            Trees.map(e).put("file", abs(f));
        }
        if (s.get("develop") instanceof Map<?, ?> d && d.get("watch") instanceof List<?> watch) {
            for (Object o : watch) {
                if (o instanceof Map<?, ?> w && w.get("path") instanceof String p) {
                    Trees.map(w).put("path", abs(p));
                }
            }
        }
        if (s.get("volumes") instanceof List<?> vols) {
            for (Object o : vols) {
                if (o instanceof Map<?, ?> v && "bind".equals(v.get("type"))) {
                    if (!(v.get("source") instanceof String src)) {
                        throw new ComposeException("volumes", "invalid mount config for type \"bind\": field Source "
                                + "must not be empty");
                    }
                    Trees.map(v).put("source", bindSource(src));
                }
            }
        }
    }

    private String context(String c) {
        if (c.contains("://") || c.startsWith("service:")) {
            return c;
        }
        for (String p : REMOTE_PREFIXES) {
            if (c.startsWith(p)) {
                return c;
            }
        }
        return abs(c);
    }

    /** compose-go's maybeUnixPath: a Windows absolute source ({@code C:\data} or a UNC path) is kept as is. */
    private String bindSource(String p) {
        boolean sep0 = p.length() > 1 && (p.charAt(0) == '\\' || p.charAt(0) == '/');
        boolean unc = sep0 && (p.charAt(1) == '\\' || p.charAt(1) == '/');
        boolean drive = p.length() > 2 && p.charAt(1) == ':' && (p.charAt(2) == '\\' || p.charAt(2) == '/');
        return unc || drive ? p : abs(p);
    }

    String abs(String p) {
        if (p.startsWith("~") && home != null) {
            p = home + p.substring(1);
            p = Paths.clean(p);
        }
        if (Paths.isAbs(p) || p.isEmpty()) {
            return p;
        }
        return Paths.join(base, p);
    }
}
