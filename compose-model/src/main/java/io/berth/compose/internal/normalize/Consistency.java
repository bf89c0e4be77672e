package io.berth.compose.internal.normalize;

import io.berth.compose.ComposeException;
import io.berth.compose.internal.model.GoFormats;
import io.berth.compose.internal.tree.Trees;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The semantic checks compose runs on a loaded project: every service has an image or a build, references to
 * networks, volumes, secrets, configs and services exist, no dependency cycle, {@code network_mode} and
 * {@code networks} are exclusive, {@code container_name} only with one replica, no two mounts on one target.
 * Messages name the service and the field and say what to change.
 */
public final class Consistency {
    private Consistency() {
    }

    public static void check(Map<String, Object> dict, Map<String, Object> services,
                             Map<String, Object> disabled) {
        Map<String, Object> networks = section(dict, "networks");
        Map<String, Object> volumes = section(dict, "volumes");
        Map<String, Object> secrets = section(dict, "secrets");
        Map<String, Object> configs = section(dict, "configs");
        Map<String, Object> models = section(dict, "models");
        for (Map.Entry<String, Object> e : services.entrySet()) {
            String name = e.getKey();
            Map<String, Object> s = Trees.map(e.getValue());
            Map<String, Object> build = s.get("build") instanceof Map<?, ?> b ? Trees.map(b) : null;
            if (build == null && isBlank(s.get("image")) && !s.containsKey("provider")) {
                fail(name, "service \"" + name + "\" has neither an image nor a build context specified: "
                        + "add `image:` or `build:`");
            }
            if (build != null) {
                if (!isBlank(build.get("dockerfile_inline")) && !isBlank(build.get("dockerfile"))
                       ) {
                    fail(name, "service \"" + name + "\" declares mutualy exclusive dockerfile and "
                            + "dockerfile_inline: keep one of them");
                }
                if (build.get("additional_contexts") instanceof Map<?, ?> ac) {
                    ac.forEach((k, c) -> {
                        String cs = String.valueOf(c);
                        if (cs.startsWith("service:")) {
                            String target = cs.substring("service:".length());
                            Object t = services.get(target);
                            if (t == null) {
                                fail(name, "service \"" + name + "\" declares unknown service \"" + target
                                        + "\" as additional contexts " + k);
                            }
                            if (!(Trees.map(t).get("build") instanceof Map)) {
                                fail(name, "service \"" + name + "\" declares non-buildable service \"" + target
                                        + "\" as additional contexts " + k);
                            }
                        }
                    });
                }
                if (build.get("platforms") instanceof List<?> platforms && !platforms.isEmpty()
                        && s.get("platform") instanceof String platform && !platforms.contains(platform)) {
                    fail(name, "service.build.platforms MUST include service.platform \"" + platform + "\"");
                }
                for (Object sec : list(build.get("secrets"))) {
                    Object src = Trees.map(sec).get("source");
                    if (!secrets.containsKey(String.valueOf(src))) {
                        fail(name, "service \"" + name + "\" refers to undefined build secret " + src
                                + ": declare it under the top-level `secrets:`");
                    }
                }
            }
            Map<String, Object> svcNetworks = s.get("networks") instanceof Map<?, ?> n ? Trees.map(n) : Map.of();
            if (!isBlank(s.get("network_mode")) && !svcNetworks.isEmpty()) {
                fail(name, "service " + name + " declares mutually exclusive `network_mode` and `networks`: "
                        + "remove one of them");
            }
            for (String net : svcNetworks.keySet()) {
                if (!networks.containsKey(net)) {
                    fail(name, "service \"" + name + "\" refers to undefined network " + net
                            + ": declare it under the top-level `networks:`");
                }
            }
            if (s.get("healthcheck") instanceof Map<?, ?> hc && hc.get("test") instanceof List<?> test
                    && !test.isEmpty()) {
                String first = String.valueOf(test.get(0));
                if (!first.equals("CMD") && !first.equals("CMD-SHELL") && !first.equals("NONE")) {
                    fail(name, "services." + name + ".healthcheck.test must start either by \"CMD\", "
                            + "\"CMD-SHELL\" or \"NONE\"");
                }
            }
            if (s.get("depends_on") instanceof Map<?, ?> deps) {
                deps.forEach((dep, cfg) -> {
                    if (services.containsKey((String) dep)) {
                        return;
                    }
                    boolean required = !(cfg instanceof Map<?, ?> c) || !Boolean.FALSE.equals(c.get("required"));
                    if (disabled.containsKey((String) dep) && !required) {
                        return;
                    }
                    String why = disabled.containsKey((String) dep) ? " (it is disabled: enable its profile)" : "";
                    fail(name, "service \"" + name + "\" depends on undefined service \"" + dep + "\"" + why
                            + ": invalid compose project");
                });
            }
            if (s.get("network_mode") instanceof String nm && nm.startsWith("service:")) {
                String ref = nm.substring("service:".length());
                if (!services.containsKey(ref)) {
                    fail(name, "service \"" + ref + "\" not found for network_mode 'service:" + ref + "'");
                }
            }
            for (Object v : list(s.get("volumes"))) {
                Map<String, Object> vol = Trees.map(v);
                if ("volume".equals(vol.get("type")) && !isBlank(vol.get("source"))
                        && !volumes.containsKey(String.valueOf(vol.get("source")))) {
                    fail(name, "service \"" + name + "\" refers to undefined volume " + vol.get("source")
                            + ": declare it under the top-level `volumes:`");
                }
            }
            for (Object c : list(s.get("configs"))) {
                Object src = Trees.map(c).get("source");
                if (!configs.containsKey(String.valueOf(src))) {
                    fail(name, "service \"" + name + "\" refers to undefined config " + src
                            + ": declare it under the top-level `configs:`");
                }
            }
            if (s.get("models") instanceof Map<?, ?> ms) {
                for (Object m : ms.keySet()) {
                    if (!models.containsKey((String) m)) {
                        fail(name, "service \"" + name + "\" refers to undefined model " + m);
                    }
                }
            }
            for (Object c : list(s.get("secrets"))) {
                Object src = Trees.map(c).get("source");
                if (!secrets.containsKey(String.valueOf(src))) {
                    fail(name, "service \"" + name + "\" refers to undefined secret " + src
                            + ": declare it under the top-level `secrets:`");
                }
            }
            scaleAndResources(name, s);
            mounts(name, s);
        }
        secrets.forEach((name, sec) -> {
            Map<String, Object> m = sec instanceof Map<?, ?> mm ? Trees.map(mm) : Map.of();
            if (Normalizer.isTrue(m.get("external"))) {
                return;
            }
            if (isBlank(m.get("file")) && isBlank(m.get("environment"))) {
                throw new ComposeException("secrets." + name, "secret \"" + name
                        + "\" must declare either `file` or `environment`");
            }
        });
        cycles(services);
        containerNames(services);
    }

    /** What {@code docker compose config} checks after loading (compose-go's CheckContainerNameUnicity). */
    private static void containerNames(Map<String, Object> services) {
        Map<String, String> names = new HashMap<>();
        for (Map.Entry<String, Object> e : new java.util.TreeMap<>(services).entrySet()) {
            Object cn = Trees.map(e.getValue()).get("container_name");
            if (isBlank(cn)) {
                continue;
            }
            String existing = names.putIfAbsent(String.valueOf(cn), e.getKey());
            if (existing != null) {
                fail(e.getKey(), "services." + e.getKey() + ": container name \"" + cn + "\" is already in use by "
                        + "service " + existing + ": give each service its own container_name");
            }
        }
    }

    private static void scaleAndResources(String name, Map<String, Object> s) {
        Long scale = s.get("scale") == null ? null : toLong(s.get("scale"));
        Map<String, Object> deploy = s.get("deploy") instanceof Map<?, ?> d ? Trees.map(d) : null;
        Long replicas = deploy != null && deploy.get("replicas") != null ? toLong(deploy.get("replicas")) : null;
        if (scale != null && deploy != null) {
            if (replicas != null && !scale.equals(replicas)) {
                fail(name, "services." + name + ": can't set distinct values on 'scale' and 'deploy.replicas'");
            }
            deploy.put("replicas", scale);
            replicas = scale;
        }
        if (scale != null && scale < 0) {
            fail(name, "services." + name + ".scale: must be greater than or equal to 0");
        }
        if (replicas != null && replicas < 0) {
            fail(name, "services." + name + ".deploy.replicas: must be greater than or equal to 0");
        }
        long effective = scale != null ? scale : replicas != null ? replicas : 1;
        if (effective > 1 && !isBlank(s.get("container_name"))) {
            String attr = scale != null ? "scale" : "deploy.replicas";
            fail(name, "services." + name + ": can't set container_name (" + s.get("container_name") + ") and "
                    + attr + " " + effective + " as container name must be unique: remove container_name or run "
                    + "one replica");
        }
        Map<String, Object> limits = null;
        Map<String, Object> reservations = null;
        if (deploy != null && deploy.get("resources") instanceof Map<?, ?> r) {
            limits = r.get("limits") instanceof Map<?, ?> l ? Trees.map(l) : null;
            reservations = r.get("reservations") instanceof Map<?, ?> l ? Trees.map(l) : null;
        }
        // as compose-go: a limits (reservations) block without the attribute counts as 0, so it conflicts too
        if (s.get("cpus") != null && (float) toDouble(s.get("cpus")) != 0 && limits != null
                && (float) toDouble(s.get("cpus")) != (float) toDouble(orZero(limits.get("cpus")))) {
            fail(name, "services." + name + ": can't set distinct values on 'cpus' and 'deploy.resources.limits.cpus'");
        }
        if (s.get("mem_limit") != null && bytes(s.get("mem_limit")) != 0 && limits != null
                && bytes(s.get("mem_limit")) != bytes(orZero(limits.get("memory")))) {
            fail(name, "services." + name + ": can't set distinct values on 'mem_limit' and "
                    + "'deploy.resources.limits.memory'");
        }
        if (s.get("mem_reservation") != null && bytes(s.get("mem_reservation")) != 0 && reservations != null
                && bytes(s.get("mem_reservation")) != bytes(orZero(reservations.get("memory")))) {
            fail(name, "services." + name + ": can't set distinct values on 'mem_reservation' and "
                    + "'deploy.resources.reservations.memory'");
        }
        if (s.get("pids_limit") != null && toLong(s.get("pids_limit")) != 0 && limits != null
                && toLong(s.get("pids_limit")) != toLong(orZero(limits.get("pids")))) {
            fail(name, "services." + name + ": can't set distinct values on 'pids_limit' and "
                    + "'deploy.resources.limits.pids'");
        }
        if (s.get("develop") instanceof Map<?, ?> dev) {
            for (Object w : list(dev.get("watch"))) {
                Map<String, Object> t = Trees.map(w);
                Object action = t.get("action");
                if (isBlank(t.get("target")) && !"rebuild".equals(action) && !"restart".equals(action)) {
                    fail(name, "services." + name + ".develop.watch: target is required for non-rebuild actions");
                }
            }
        }
    }

    private static void mounts(String name, Map<String, Object> s) {
        Map<String, String> mounts = new HashMap<>();
        List<Object> tmpfs = s.get("tmpfs") instanceof String t ? List.of(t) : list(s.get("tmpfs"));
        for (int i = 0; i < tmpfs.size(); i++) {
            String loc = "services." + name + ".tmpfs[" + i + "]";
            String path = String.valueOf(tmpfs.get(i)).split(":", 2)[0];
            String prev = mounts.putIfAbsent(path, loc);
            if (prev != null) {
                fail(name, loc + ": target " + path + " already mounted as " + prev);
            }
        }
        List<Object> vols = list(s.get("volumes"));
        for (int i = 0; i < vols.size(); i++) {
            String loc = "services." + name + ".volumes[" + i + "]";
            String target = String.valueOf(Trees.map(vols.get(i)).get("target"));
            String prev = mounts.putIfAbsent(target, loc);
            if (prev != null) {
                fail(name, loc + ": target " + target + " already mounted as " + prev);
            }
        }
    }

    /** Depth-first search with on-path marks: linear in services and dependencies, reports the first cycle. */
    private static void cycles(Map<String, Object> services) {
        Map<String, Integer> state = new HashMap<>(); // absent: unvisited, 1: on the current path, 2: done
        for (String start : new java.util.TreeSet<>(services.keySet())) {
            if (!state.containsKey(start)) {
                List<String> path = new ArrayList<>();
                visit(start, services, state, path);
            }
        }
    }

    private static void visit(String current, Map<String, Object> services, Map<String, Integer> state,
                              List<String> path) {
        state.put(current, 1);
        path.add(current);
        Object s = services.get(current);
        if (s instanceof Map<?, ?> m && m.get("depends_on") instanceof Map<?, ?> deps) {
            for (Object d : new java.util.TreeSet<>(Trees.map(deps).keySet())) {
                String dep = (String) d;
                if (!services.containsKey(dep)) {
                    continue;
                }
                Integer st = state.get(dep);
                if (st == null) {
                    visit(dep, services, state, path);
                } else if (st == 1) {
                    int i = path.indexOf(dep);
                    throw new ComposeException("services." + dep, "dependency cycle detected: "
                            + String.join(" -> ", path.subList(i, path.size())) + " -> " + dep);
                }
            }
        }
        path.remove(path.size() - 1);
        state.put(current, 2);
    }

    private static void fail(String service, String message) {
        throw new ComposeException("service " + service, message);
    }

    private static boolean isBlank(Object o) {
        return o == null || "".equals(o);
    }

    private static Map<String, Object> section(Map<String, Object> dict, String key) {
        return dict.get(key) instanceof Map<?, ?> m ? Trees.map(m) : Map.of();
    }

    private static List<Object> list(Object o) {
        return o instanceof List<?> l ? Trees.list(l) : List.of();
    }

    private static long toLong(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return Long.parseLong(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static double toDouble(Object o) {
        if (o instanceof Number n) {
            return n.doubleValue();
        }
        try {
            return Double.parseDouble(String.valueOf(o).trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static Object orZero(Object o) {
        return o == null ? 0L : o;
    }

    private static long bytes(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        try {
            return GoFormats.parseBytes(String.valueOf(o));
        } catch (IllegalArgumentException e) {
            return -1;
        }
    }
}
