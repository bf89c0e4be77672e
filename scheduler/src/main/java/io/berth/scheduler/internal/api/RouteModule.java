package io.berth.scheduler.internal.api;

import io.vertx.ext.web.Router;

/** One area of the API (system, containers, images, volumes…) mounting its routes. */
public interface RouteModule {
    void mount(Router router, Handlers handlers);
}
