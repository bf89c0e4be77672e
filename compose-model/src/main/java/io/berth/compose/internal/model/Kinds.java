package io.berth.compose.internal.model;

import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The field kinds of the compose model (see {@link Kind}); each mirrors one Go type of compose-go. */
final class Kinds {
    private Kinds() {
    }

    static DecodeException fail(String path, String what, Object v) {
        return new DecodeException(path, path + " must be " + what + ", got " + describe(v));
    }

    static String describe(Object v) {
        if (v instanceof Map) {
            return "a mapping";
        }
        if (v instanceof List) {
            return "a list";
        }
        if (v instanceof String s) {
            return "\"" + s + "\"";
        }
        return Trees.sprint(v);
    }

    /** string, omitempty */
    static final Kind STR = (v, p, o) -> {
        String s = str(v, p);
        return s.isEmpty() ? Kind.OMIT : s;
    };

    /** string without omitempty */
    static final Kind STR_KEEP = (v, p, o) -> str(v, p);

    static String str(Object v, String p) {
        if (v instanceof String s) {
            return s;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Double || v instanceof Boolean) {
            return Trees.sprint(v);
        }
        if (v == null) {
            return "";
        }
        throw fail(p, "a string", v);
    }

    static long toLong(Object v, String p) {
        if (v instanceof Long l) {
            return l;
        }
        if (v instanceof Integer i) {
            return i;
        }
        if (v instanceof Double d) {
            return d.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException e) {
                throw new DecodeException(p, p + ": failed to cast to expected type: strconv.ParseInt: parsing \""
                        + s + "\": invalid syntax");
            }
        }
        if (v == null) {
            return 0;
        }
        throw fail(p, "an integer", v);
    }

    /** int64 / int / uint, omitempty */
    static final Kind INT = (v, p, o) -> {
        long l = toLong(v, p);
        return l == 0 ? Kind.OMIT : l;
    };

    /** *int, *uint64: present means printed, even 0 */
    static final Kind PINT = (v, p, o) -> v == null ? Kind.OMIT : toLong(v, p);

    /** int without omitempty */
    static final Kind INT_KEEP = (v, p, o) -> toLong(v, p);

    static double toDouble(Object v, String p) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException e) {
                throw new DecodeException(p, p + ": failed to cast to expected type: strconv.ParseFloat: parsing \""
                        + s + "\": invalid syntax");
            }
        }
        if (v == null) {
            return 0;
        }
        throw fail(p, "a number", v);
    }

    /** float32, omitempty */
    static final Kind FLOAT = (v, p, o) -> {
        double d = toDouble(v, p);
        return d == 0 ? Kind.OMIT : GoFormats.float32(d);
    };

    static boolean toBool(Object v, String p) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v instanceof String s) {
            // compose-go's toBoolean (its mapstructure cast from string): case-insensitive, YAML 1.1 words too
            switch (s.toLowerCase(java.util.Locale.ROOT)) {
                case "true", "y", "yes", "on":
                    return true;
                case "false", "n", "no", "off":
                    return false;
                default:
                    throw new DecodeException(p, p + ": failed to cast to expected type: invalid boolean: " + s);
            }
        }
        if (v == null) {
            return false;
        }
        throw fail(p, "a boolean", v);
    }

    /** bool, omitempty */
    static final Kind BOOL = (v, p, o) -> toBool(v, p) ? Boolean.TRUE : Kind.OMIT;

    /** *bool: present means printed */
    static final Kind PBOOL = (v, p, o) -> v == null ? Kind.OMIT : toBool(v, p);

    /** bool without omitempty */
    static final Kind BOOL_KEEP = (v, p, o) -> toBool(v, p);

    static long duration(Object v, String p) {
        try {
            return GoFormats.parseDuration(Trees.sprint(v));
        } catch (IllegalArgumentException e) {
            throw new DecodeException(p, p + ": " + e.getMessage());
        }
    }

    /** Duration, omitempty */
    static final Kind DURATION = (v, p, o) -> {
        long d = duration(v, p);
        return d == 0 ? Kind.OMIT : GoFormats.formatDuration(d);
    };

    /** *Duration */
    static final Kind PDURATION = (v, p, o) -> v == null ? Kind.OMIT : GoFormats.formatDuration(duration(v, p));

    /** UnitBytes, omitempty, printed as a decimal string */
    static final Kind BYTES = (v, p, o) -> {
        long b;
        if (v instanceof Long || v instanceof Integer || v instanceof Double) {
            b = toLong(v, p);
        } else if (v instanceof String s) {
            try {
                b = Long.parseLong(s);
            } catch (NumberFormatException e) {
                try {
                    b = GoFormats.parseBytes(s);
                } catch (IllegalArgumentException ex) {
                    throw new DecodeException(p, p + ": " + ex.getMessage());
                }
            }
        } else if (v == null) {
            b = 0;
        } else {
            throw fail(p, "a byte size", v);
        }
        return b == 0 ? Kind.OMIT : Long.toString(b);
    };

    /** *FileMode: octal text in, {@code 0NNN} out */
    static final Kind FILEMODE = (v, p, o) -> {
        if (v == null) {
            return Kind.OMIT;
        }
        long m;
        if (v instanceof String s) {
            try {
                m = Long.parseLong(s, 8);
            } catch (NumberFormatException e) {
                throw new DecodeException(p, p + ": invalid file mode \"" + s + "\": expected an octal number");
            }
        } else {
            m = toLong(v, p);
        }
        return "0" + Long.toOctalString(m);
    };

    /** DeviceCount: a number or {@code all} (-1) */
    static final Kind DEVICE_COUNT = (v, p, o) -> {
        if (v instanceof String s) {
            if (s.equalsIgnoreCase("all")) {
                return -1L;
            }
            try {
                long l = Long.parseLong(s);
                return l == 0 ? Kind.OMIT : l;
            } catch (NumberFormatException e) {
                throw new DecodeException(p, p + ": invalid value \"" + s
                        + "\", the only value allowed is 'all' or a number");
            }
        }
        long l = toLong(v, p);
        return l == 0 ? Kind.OMIT : l;
    };

    /** Mapping / Labels / Options: map or KEY=VALUE list to a sorted string map, omitempty */
    static final Kind MAPPING = (v, p, o) -> {
        Map<String, Object> out = new TreeMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put((String) k, x == null ? "" : str(x, p + "." + k)));
        } else if (v instanceof List<?> l) {
            for (Object e : l) {
                String s = Trees.sprint(e);
                int eq = s.indexOf('=');
                out.put(eq < 0 ? s : s.substring(0, eq), eq < 0 ? "" : s.substring(eq + 1));
            }
        } else if (v != null) {
            throw fail(p, "a mapping or a list of KEY=VALUE", v);
        }
        return out.isEmpty() ? Kind.OMIT : new LinkedHashMap<>(out);
    };

    /** MappingWithEquals (environment, build args): null values are "declared but unset" */
    static final Kind MAPPING_EQ = (v, p, o) -> {
        Map<String, Object> out = new TreeMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put((String) k, x == null ? null : str(x, p + "." + k)));
        } else if (v instanceof List<?> l) {
            for (Object e : l) {
                String s = Trees.sprint(e);
                int eq = s.indexOf('=');
                String k = eq < 0 ? s : s.substring(0, eq);
                if (!k.isEmpty() && Character.isWhitespace(k.charAt(k.length() - 1))) {
                    throw new DecodeException(p, p + ": environment variable " + k
                            + " is declared with a trailing space");
                }
                out.put(k, eq < 0 ? null : s.substring(eq + 1));
            }
        } else if (v != null) {
            throw fail(p, "a mapping or a list of KEY=VALUE", v);
        }
        return out.isEmpty() ? Kind.OMIT : new LinkedHashMap<>(out);
    };

    /** map[string][]string */
    static final Kind MULTI_OPTIONS = (v, p, o) -> {
        if (!(v instanceof Map<?, ?> m)) {
            return v == null ? Kind.OMIT : fail(p, "a mapping", v);
        }
        Map<String, Object> out = new TreeMap<>();
        m.forEach((k, x) -> {
            List<Object> vals = new ArrayList<>();
            if (x instanceof List<?> l) {
                l.forEach(e -> vals.add(str(e, p)));
            } else {
                vals.add(str(x, p));
            }
            out.put((String) k, vals);
        });
        return out.isEmpty() ? Kind.OMIT : new LinkedHashMap<>(out);
    };

    /** []string, omitempty */
    static final Kind STR_LIST = list(STR_KEEP, true);

    /** StringList: one string or a list */
    static final Kind STRING_OR_LIST = (v, p, o) -> v instanceof String s ? List.of(s) : STR_LIST.decode(v, p, o);

    /** StringOrNumberList: numbers printed as strings */
    static final Kind STR_OR_NUM_LIST = (v, p, o) -> {
        if (v instanceof String s) {
            return List.of(s);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(Trees.sprint(e)));
            return out.isEmpty() ? Kind.OMIT : out;
        }
        return v == null ? Kind.OMIT : fail(p, "a list", v);
    };

    /** ShellCommand: never omitted in JSON (null when absent), a string is split into words */
    static final Kind COMMAND = (v, p, o) -> {
        if (v == null) {
            return null;
        }
        if (v instanceof String s) {
            try {
                return new ArrayList<Object>(GoFormats.shellWords(s));
            } catch (IllegalArgumentException e) {
                throw new DecodeException(p, p + ": " + e.getMessage() + ": " + s);
            }
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(e -> out.add(str(e, p)));
            return out;
        }
        throw fail(p, "a string or a list", v);
    };

    /** HealthCheckTest: a string means CMD-SHELL */
    static final Kind HEALTH_TEST = (v, p, o) -> {
        if (v instanceof String s) {
            return new ArrayList<Object>(List.of("CMD-SHELL", s));
        }
        return STR_LIST.decode(v, p, o);
    };

    /** HostsList: host=ip entries, sorted */
    static final Kind HOSTS = (v, p, o) -> {
        Map<String, List<String>> hosts = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> {
                List<String> ips = new ArrayList<>();
                if (x instanceof List<?> l) {
                    l.forEach(e -> ips.add(Trees.sprint(e)));
                } else {
                    ips.add(x == null ? "" : Trees.sprint(x));
                }
                hosts.put((String) k, ips);
            });
        } else if (v instanceof List<?> l) {
            for (Object e : l) {
                String s = Trees.sprint(e);
                int eq = s.indexOf('=');
                int sep = eq >= 0 ? eq : s.indexOf(':');
                if (sep < 0) {
                    throw new DecodeException(p, p + ": invalid additional host, missing IP: " + s);
                }
                hosts.computeIfAbsent(s.substring(0, sep), k -> new ArrayList<>())
                        .addAll(List.of(s.substring(sep + 1).split(",", -1)));
            }
        } else if (v != null) {
            throw fail(p, "a mapping or a list", v);
        }
        List<String> out = new ArrayList<>();
        hosts.forEach((host, ips) -> {
            if (host.isEmpty() || host.contains(":") || host.contains("=")) {
                throw new DecodeException(p, p + ": bad host name '" + host + "'");
            }
            for (String ip : ips) {
                if (ip.length() > 2 && ip.startsWith("[") && ip.endsWith("]")) {
                    ip = ip.substring(1, ip.length() - 1);
                }
                out.add(host + "=" + ip);
            }
        });
        out.sort(null);
        return out.isEmpty() ? Kind.OMIT : new ArrayList<Object>(out);
    };

    /** UlimitsConfig: a number, or soft/hard */
    static final Kind ULIMIT = (v, p, o) -> {
        if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            long soft = toLong(m.get("soft"), p + ".soft");
            long hard = toLong(m.get("hard"), p + ".hard");
            if (soft != 0) {
                out.put("soft", soft);
            }
            if (hard != 0) {
                out.put("hard", hard);
            }
            return out;
        }
        long single = toLong(v, p);
        return single == 0 ? new LinkedHashMap<String, Object>() : (Object) single; // Go prints a zero as {}
    };

    /** SSHConfig: id[=path] entries */
    static final Kind SSH = (v, p, o) -> {
        if (!(v instanceof Map<?, ?> m)) {
            return v == null ? Kind.OMIT : fail(p, "a mapping", v);
        }
        List<Object> out = new ArrayList<>();
        m.forEach((k, x) -> out.add(x == null ? k : k + "=" + Trees.sprint(x)));
        return out.isEmpty() ? Kind.OMIT : out;
    };

    static Kind list(Kind element, boolean omitEmpty) {
        return (v, p, o) -> {
            if (v == null) {
                return omitEmpty ? Kind.OMIT : null;
            }
            if (!(v instanceof List<?> l)) {
                throw fail(p, "a list", v);
            }
            List<Object> out = new ArrayList<>(l.size());
            for (int i = 0; i < l.size(); i++) {
                Object d = element.decode(l.get(i), p + "." + i, o);
                out.add(d == Kind.OMIT ? null : d);
            }
            return out.isEmpty() && omitEmpty ? Kind.OMIT : out;
        };
    }

    /** map[string]T sorted by key; a null value stays null when {@code nullable} (pointer values) */
    static Kind map(Kind value, boolean nullable) {
        return (v, p, o) -> {
            if (v == null) {
                return Kind.OMIT;
            }
            if (!(v instanceof Map<?, ?> m)) {
                throw fail(p, "a mapping", v);
            }
            Map<String, Object> out = new TreeMap<>();
            m.forEach((k, x) -> {
                if (x == null && nullable) {
                    out.put((String) k, null);
                } else {
                    Object d = value.decode(x, p + "." + k, o);
                    out.put((String) k, d == Kind.OMIT ? null : d);
                }
            });
            return out.isEmpty() ? Kind.OMIT : new LinkedHashMap<>(out);
        };
    }
}
