package org.evenhand.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.TooLongFrameException;
import io.quarkus.security.AuthenticationException;
import io.quarkus.security.AuthenticationRedirectException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.HttpException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import io.vertx.ext.web.Router;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Requests that fail in the HTTP layer, before any resource runs: a form field over its limit, a
 * multipart body that is cut off or malformed, a body the server cannot decode. Quarkus would answer
 * these with its own bare or JSON error; here the API answers problem+json and pages answer a page.
 * Authentication failures are left to the challenge (and, on the API, to trail.RefusedAccessLog).
 */
@ApplicationScoped
public class HttpFailures {

    private static final Logger LOG = Logger.getLogger(HttpFailures.class);

    @Inject
    ObjectMapper json;
    @Inject
    Instance<ErrorPages> pages;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 100).failureHandler(this::handle);
    }

    void handle(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (ctx.response().ended() || ctx.response().headWritten() || failure instanceof AuthenticationException
                || failure instanceof AuthenticationRedirectException) {
            ctx.next();
            return;
        }
        int status = statusOf(ctx, failure);
        if (status < 400 || status == 401 || status >= 500 && status != 503) {
            ctx.next();
            return;
        }
        LOG.debugf("refused in the HTTP layer with %d: %s", status, failure);
        send(ctx, status, detailOf(status));
    }

    static int statusOf(RoutingContext ctx, Throwable failure) {
        if (failure instanceof HttpException h) {
            return h.getStatusCode();
        }
        if (failure instanceof TooLongFrameException || causedBy(failure, "TooLongFormField")
                || causedBy(failure, "TooLongHttp")) {
            return 413;
        }
        if (failure instanceof HttpPostRequestDecoder.ErrorDataDecoderException
                || failure instanceof HttpPostRequestDecoder.NotEnoughDataDecoderException
                || causedBy(failure, "DecoderException")) {
            return 400;
        }
        return ctx.statusCode();
    }

    private static boolean causedBy(Throwable t, String simpleNamePart) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getClass().getSimpleName().contains(simpleNamePart)) {
                return true;
            }
        }
        return false;
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 413 -> "the request is larger than the server accepts: a form field is over its limit, or the body is"
                    + " too large";
            case 400 -> "the request body could not be read: it is cut off or malformed";
            case 415 -> "the request body is not of a type this endpoint accepts";
            default -> "the request could not be handled";
        };
    }

    /** Answers with a page or a problem, closing the connection (the rest of the body is not read). */
    public void send(RoutingContext ctx, int status, String detail) {
        String path = ctx.normalizedPath();
        if (ErrorPages.isPage(path) && pages.isResolvable()) {
            ctx.response().setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/html;charset=UTF-8")
                    .putHeader(HttpHeaders.CACHE_CONTROL, "no-store")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(pages.get().render(status, null));
            return;
        }
        try {
            String body = json.writeValueAsString(new Problem(Problems.TYPE_BASE + slug(status), title(status), status,
                    detail, path, List.of()));
            ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close").end(body);
        } catch (JsonProcessingException e) {
            ctx.response().setStatusCode(status).end();
        }
    }

    static String slug(int status) {
        return switch (status) {
            case 400 -> "malformed-body";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "Malformed request body";
            case 413 -> "Payload too large";
            case 415 -> "Unsupported media type";
            case 503 -> "Service unavailable";
            default -> "Request refused";
        };
    }
}
