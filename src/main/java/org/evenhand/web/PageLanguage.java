package org.evenhand.web;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import org.evenhand.common.Languages;
import org.evenhand.identity.MemberLogins;

/**
 * The language of the page being answered (decision 0036), for {@link Html} (which renders the page in
 * it) and the layout ({@code inject:language}): on the pages members read, the member's stored choice,
 * else the browser's Accept-Language, else en-GB; staff pages are in English.
 */
@Named("language")
@RequestScoped
public class PageLanguage {

    /**
     * The pages members and the public read; every other page (staff areas) is English only. The definition's
     * pages join once the words around the published text are labelled (decision 0036).
     */
    static final List<String> MEMBER_PAGES = List.of("/me", "/privacy", "/complain", "/process");

    /** A language to switch to, by its tag and its own name. */
    public record Choice(String tag, String name) {
    }

    @Inject
    Languages languages;
    @Inject
    SecurityIdentity identity;
    @Inject
    CurrentVertxRequest request;
    @Inject
    MemberLogins logins;

    private Locale locale;

    public Locale locale() {
        if (locale == null) {
            locale = !localized() ? languages.fallback() : preference().flatMap(languages::find)
                    .or(() -> languages.fromAcceptLanguage(header("Accept-Language")))
                    .orElse(languages.fallback());
        }
        return locale;
    }

    /** For the page's lang attribute ("en-GB", "cy"). */
    public String tag() {
        return locale().toLanguageTag();
    }

    /** Whether this page is one members read (and so comes in their language). */
    public boolean localized() {
        return isMemberPage(path());
    }

    /** Whether the layout offers the switch: a signed-in member on a page members read, with a choice to make. */
    public boolean switchable() {
        return localized() && identity != null && !identity.isAnonymous() && identity.hasRole("member")
                && languages.offered().size() > 1;
    }

    /** The other languages, each named in itself. */
    public List<Choice> choices() {
        return languages.offered().stream().filter(l -> !l.equals(locale()))
                .map(l -> new Choice(l.toLanguageTag(), Words.in(PageWords.class, l).languageName())).toList();
    }

    /** Where the switch brings the member back to: this page. */
    public String here() {
        RoutingContext ctx = request.getCurrent();
        return ctx == null ? "/" : ctx.request().uri();
    }

    static boolean isMemberPage(String path) {
        if (path == null) {
            return false;
        }
        return "/".equals(path) || MEMBER_PAGES.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    @Transactional
    java.util.Optional<String> preference() {
        if (identity == null || identity.isAnonymous() || !identity.hasRole("member")) {
            return java.util.Optional.empty();
        }
        return logins.member(identity.getPrincipal().getName()).map(m -> m.language);
    }

    private String path() {
        RoutingContext ctx = request.getCurrent();
        return ctx == null ? null : ctx.normalizedPath();
    }

    private String header(String name) {
        RoutingContext ctx = request.getCurrent();
        return ctx == null ? null : ctx.request().getHeader(name);
    }
}
