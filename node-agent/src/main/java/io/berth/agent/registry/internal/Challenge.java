package io.berth.agent.registry.internal;

import java.util.Locale;
import java.util.Map;

/** One challenge of a {@code WWW-Authenticate} header: the scheme (lower case) and its parameters (keys lower case). */
record Challenge(String scheme, Map<String, String> params) {
    Challenge {
        scheme = scheme.toLowerCase(Locale.ROOT);
        params = Map.copyOf(params);
    }

    String param(String name) {
        return params.get(name);
    }

    boolean isBearer() {
        return scheme.equals("bearer");
    }

    boolean isBasic() {
        return scheme.equals("basic");
    }
}
