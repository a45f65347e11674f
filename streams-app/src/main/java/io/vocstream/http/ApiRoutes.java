package io.vocstream.http;

import io.javalin.config.RoutesConfig;

/** The HTTP routes one capability owns; the server adds each capability's routes to its configuration. */
@FunctionalInterface
public interface ApiRoutes {
    void addTo(RoutesConfig routes);
}
