package org.evenhand.trail;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.evenhand.common.ErrorPages;
import org.evenhand.common.Problems;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Refused access is an attempt worth keeping: a signed-in caller refused by their role (403), and on
 * the API a request with no token or a token that is not Evenhand's (401: expired, forged, or issued
 * to another client of the realm). Each goes into the action trail, in its own transaction, with the
 * caller as far as they are known, before the problem+json answer. Pages keep Quarkus' challenge (the
 * login page) for a visitor who is not signed in.
 */
@ApplicationScoped
public class RefusedAccessLog {

    private static final Logger LOG = Logger.getLogger(RefusedAccessLog.class);
    static final String BEARER_CHALLENGE = "Bearer realm=\"evenhand\"";

    @Inject
    ActionTrail trail;
    @Inject
    SecurityIdentity identity;

    /** Role checks can fail on the I/O thread, so the trail write (blocking) runs on a worker first. */
    @ServerExceptionMapper
    public Uni<Response> refused(ForbiddenException e, UriInfo uri, Request request) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        String actor = actor(identity);
        String what = request.getMethod() + " " + path;
        return Uni.createFrom().item(() -> {
            record(actor, what);
            return Problems.response(403, "forbidden", "Forbidden", "your role does not allow this", path, List.of());
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /**
     * Not signed in, at the resource: the API answers 401 problem+json with the bearer challenge;
     * pages get the challenge of their own mechanism (a redirect to the login page), as Quarkus does.
     */
    @ServerExceptionMapper(value = { UnauthorizedException.class, AuthenticationFailedException.class },
            priority = Priorities.USER)
    public Uni<Response> unauthenticated(RoutingContext ctx, UriInfo uri, Request request) {
        String path = "/" + uri.getPath().replaceFirst("^/", "");
        if (!ErrorPages.isPage(path)) {
            String what = request.getMethod() + " " + path;
            String actor = TokenClaims.describe(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
            return Uni.createFrom().item(() -> {
                record(actor, what);
                return unauthorizedProblem(path, actor);
            }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
        }
        HttpAuthenticator authenticator = ctx.get(HttpAuthenticator.class.getName());
        if (authenticator == null) {
            return Uni.createFrom().item(Response.status(401).build());
        }
        return authenticator.getChallenge(ctx).map(RefusedAccessLog::fromChallenge)
                .onFailure().recoverWithItem(Response.status(401).build());
    }

    private static Response fromChallenge(ChallengeData challenge) {
        Response.ResponseBuilder r = Response.status(challenge.status);
        challenge.getHeaders().forEach((name, value) -> r.header(name.toString(), value));
        return r.build();
    }

    /**
     * A bearer token that fails verification is refused while the request is authenticated, before
     * any resource: answered here for the API (pages keep their login redirect).
     */
    void install(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 50).failureHandler(this::tokenRefused);
    }

    void tokenRefused(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (!(failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException)
                || ctx.response().ended() || ctx.response().headWritten()) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        String actor = TokenClaims.describe(ctx.request().getHeader(HttpHeaders.AUTHORIZATION));
        String what = ctx.request().method().name() + " " + path;
        ctx.vertx().executeBlocking(() -> {
            record(actor, what);
            return null;
        }, false).onComplete(done -> {
            if (done.failed()) {
                LOG.warnf(done.cause(), "could not write the refusal of %s to the trail", what);
            }
            Response problem = unauthorizedProblem(path, actor);
            ctx.response().setStatusCode(401)
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
                    .putHeader("WWW-Authenticate", problem.getHeaderString("WWW-Authenticate"))
                    .end(TokenClaims.json(problem.getEntity()));
        });
    }

    private static Response unauthorizedProblem(String path, String actor) {
        boolean tokenSent = !TokenClaims.NO_TOKEN.equals(actor);
        String detail = tokenSent
                ? "the bearer token was not accepted: it is expired, not signed by the realm, or not issued for Evenhand"
                        + " (its audience must include Evenhand's client). Sign in through Evenhand's own client to get one."
                : "this endpoint needs a bearer token from the realm's login for Evenhand (Authorization: Bearer ...)";
        return Response.status(401).type(Problems.PROBLEM_JSON)
                .header("WWW-Authenticate", tokenSent ? BEARER_CHALLENGE + ", error=\"invalid_token\"" : BEARER_CHALLENGE)
                .entity(new org.evenhand.common.Problem(Problems.TYPE_BASE + "unauthorized", "Unauthorized", 401, detail,
                        path, List.of()))
                .build();
    }

    /** Writes the refusal in its own transaction (blocking: call it on a worker thread). */
    public void record(String actor, String what) {
        String who = actor == null || actor.isBlank() ? "unknown" : actor;
        QuarkusTransaction.requiringNew().run(() -> trail.record(who, "access-refused", null, what));
    }

    static String actor(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous() || identity.getPrincipal() == null) {
            return "anonymous";
        }
        String name = identity.getPrincipal().getName();
        return name == null || name.isBlank() ? "unnamed token" : name;
    }
}
