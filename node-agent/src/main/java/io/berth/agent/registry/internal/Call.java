package io.berth.agent.registry.internal;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One HTTP request to make (and perhaps remake: after a 401 or a redirect), so its body is a supplier of
 * publishers that each start from the beginning.
 */
record Call(String method, URI uri, Map<String, String> headers, Supplier<HttpRequest.BodyPublisher> body) {
    Call {
        headers = Map.copyOf(headers);
    }

    static Call of(String method, URI uri) {
        return new Call(method, uri, Map.of(), null);
    }

    Call header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Call(method, uri, h, body);
    }

    Call body(Supplier<HttpRequest.BodyPublisher> publisher) {
        return new Call(method, uri, headers, publisher);
    }

    Call to(URI other) {
        return new Call(method, other, headers, body);
    }

    HttpRequest.BodyPublisher publisher() {
        return body == null ? HttpRequest.BodyPublishers.noBody() : body.get();
    }
}
