package org.evenhand.common;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Body size limits, answered as problem+json before a byte of the body is read: any body over
 * {@code quarkus.http.limits.max-body-size} (sized for evidence uploads), and a JSON body over
 * {@code evenhand.http.max-json-body} (no JSON request needs more). Quarkus still cuts off a
 * chunked body that grows past the HTTP limit. Pages get a page (common.HttpFailures).
 */
@ApplicationScoped
public class RequestLimits {

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBody;
    @ConfigProperty(name = "evenhand.http.max-json-body", defaultValue = "1M")
    MemorySize maxJsonBody;
    @Inject
    HttpFailures failures;

    void install(@Observes Filters filters) {
        filters.register(this::check, 1900);
    }

    void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            long size;
            try {
                size = Long.parseLong(length.strip());
            } catch (NumberFormatException e) {
                size = -1;
            }
            String type = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
            boolean isJson = type != null && type.toLowerCase().contains("json");
            long limit = isJson ? Math.min(maxJsonBody.asLongValue(), maxBody.asLongValue()) : maxBody.asLongValue();
            if (size > limit) {
                failures.send(ctx, 413, "the request body is " + size + " bytes; at most " + limit + " are accepted"
                        + (isJson ? " for JSON" : ""));
                return;
            }
        }
        ctx.next();
    }

}
