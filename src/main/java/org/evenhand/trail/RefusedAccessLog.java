package org.evenhand.trail;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.evenhand.common.Problems;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * A signed-in caller refused by their role (403) is an attempt worth keeping: it goes into the
 * action trail, in its own transaction, before the problem+json answer.
 */
@ApplicationScoped
public class RefusedAccessLog {

    @Inject
    ActionTrail trail;
    @Inject
    SecurityIdentity identity;

    /** Role checks can fail on the I/O thread, so the trail write (blocking) runs on a worker first. */
    @ServerExceptionMapper
    public Uni<Response> refused(ForbiddenException e, UriInfo uri, Request request) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        String actor = identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
        String what = request.getMethod() + " " + path;
        return Uni.createFrom().item(() -> {
            record(actor, what);
            return Problems.response(403, "forbidden", "Forbidden", "your role does not allow this", path, List.of());
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** Writes the refusal in its own transaction (blocking: call it on a worker thread). */
    public void record(String actor, String what) {
        QuarkusTransaction.requiringNew().run(() -> trail.record(actor, "access-refused", null, what));
    }
}
