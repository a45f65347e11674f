package io.vocstream.http;

import io.javalin.config.RoutesConfig;

/** The HTTP routes one capability owns; the server adds each capability's routes to its configuration. */
@FunctionalInterface
public interface ApiRoutes {
    void addTo(RoutesConfig routes);

    /**
     * Classpath resource of this capability's part of the OpenAPI document, {@code {"paths": {...}, "components":
     * {"schemas": {...}}}}, merged into {@code /api/v1/openapi.json}; {@code null} if it documents nothing.
     */
    default String openApiFragment() {
        return null;
    }
}
