package io.berth.cli;

import io.berth.compose.Project;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small canonical projects, written by hand as the loader would produce them, for tests that need no loader. */
final class Projects {
    private Projects() {
    }

    /**
     * Five services: web → api → (db, cache), worker → (db, cache); debug only in the "debug" profile (disabled);
     * two networks, two volumes, a value with a dollar sign.
     */
    static Project shop() {
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("api", service("shop/api:1", Map.of("cache", started(), "db", healthy()),
                Map.of("GREETING", "cost: $5")));
        services.put("cache", service("redis:7", null, null));
        services.put("db", service("postgres:16", null, null));
        Map<String, Object> web = service(null, Map.of("api", healthy()), null);
        web.put("build", Map.of("context", "/work/app/web", "dockerfile", "Dockerfile"));
        services.put("web", web);
        services.put("worker", service("shop/worker:1", Map.of("db", healthy(), "cache", started()), null));

        Map<String, Object> disabled = new LinkedHashMap<>();
        Map<String, Object> debug = service("busybox", null, null);
        debug.put("profiles", List.of("debug"));
        disabled.put("debug", debug);

        Map<String, Object> model = new LinkedHashMap<>();
        model.put("name", "shop");
        model.put("services", services);
        model.put("networks", ordered("back", Map.of("name", "shop_back"), "front", Map.of("name", "shop_front")));
        model.put("volumes", ordered("cache-data", Map.of("name", "shop_cache-data"),
                "db-data", Map.of("name", "shop_db-data")));
        Map<String, Object> components = new HashMap<>();
        components.put("name", "shop");
        components.put("workingDir", Path.of("/work/app"));
        components.put("composeFiles", List.of("/work/app/compose.yaml"));
        components.put("model", model);
        components.put("jsonModel", model);
        components.put("disabledServices", disabled);
        components.put("environment", Map.of("TAG", "1", "HOME", "/root", "A_FIRST", "x"));
        return project(components);
    }

    /**
     * A {@link Project} from its components by name, so these tests follow the record as it grows: a component
     * not given is empty (a list or map) or null.
     */
    static Project project(Map<String, Object> components) {
        RecordComponent[] rc = Project.class.getRecordComponents();
        Class<?>[] types = new Class<?>[rc.length];
        Object[] args = new Object[rc.length];
        for (int i = 0; i < rc.length; i++) {
            types[i] = rc[i].getType();
            Object v = components.get(rc[i].getName());
            if (v == null && types[i] == List.class) {
                v = List.of();
            } else if (v == null && types[i] == Map.class) {
                v = Map.of();
            }
            args[i] = v;
        }
        try {
            return Project.class.getDeclaredConstructor(types).newInstance(args);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Object> service(String image, Map<String, Object> dependsOn, Map<String, Object> env) {
        Map<String, Object> s = new LinkedHashMap<>();
        if (dependsOn != null) {
            s.put("depends_on", dependsOn);
        }
        if (env != null) {
            s.put("environment", env);
        }
        if (image != null) {
            s.put("image", image);
        }
        s.put("networks", Map.of("back", Map.of()));
        return s;
    }

    private static Map<String, Object> healthy() {
        return Map.of("condition", "service_healthy", "required", true);
    }

    private static Map<String, Object> started() {
        return Map.of("condition", "service_started", "required", true);
    }

    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(k1, v1);
        m.put(k2, v2);
        return m;
    }
}
