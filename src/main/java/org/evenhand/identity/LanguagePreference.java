package org.evenhand.identity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;
import java.util.stream.Collectors;
import org.evenhand.common.Commands;
import org.evenhand.common.Languages;
import org.evenhand.common.ProblemException;
import org.evenhand.trail.ActionTrail;

/**
 * A member chooses the language of their pages and letters (decision 0036), from the page's switch or
 * the API; the choice is on their member record and the trail.
 */
@ApplicationScoped
public class LanguagePreference {

    /** The command: a language tag ("cy", "en-GB"). */
    public record Choice(
            @NotBlank(message = "{identity.language.required}")
            @Pattern(regexp = "[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8}){0,3}", message = "{identity.language.tag}")
            String language) {
    }

    @Inject
    Commands commands;
    @Inject
    Languages languages;
    @Inject
    ActionTrail trail;
    @Inject
    IdentityWords words;

    /** Records the choice and answers the language chosen; a language not offered is refused (400). */
    @Transactional
    public Locale choose(Member member, Choice in) {
        commands.check(in);
        Locale chosen = languages.find(in.language()).orElseThrow(() -> ProblemException.invalidField("language",
                words.notOffered(languages.offered().stream().map(Locale::toLanguageTag).collect(Collectors.joining(", ")))));
        Member m = Member.findById(member.id);
        String before = m.language;
        m.language = chosen.toLanguageTag();
        trail.record(m.username, "language-chosen", null, (before == null ? "none" : before) + " -> " + m.language);
        return chosen;
    }

    /**
     * Where the switch brings the member back to: a path on this site; anything else (another site, a scheme,
     * a control character, a backslash) goes to /me, so the switch can never send anyone elsewhere.
     */
    public static String safeReturn(String path) {
        if (path == null || !path.startsWith("/") || path.startsWith("//") || path.length() > 2000
                || path.chars().anyMatch(ch -> ch < 0x21 || ch > 0x7e || ch == '\\')) {
            return "/me";
        }
        try {
            java.net.URI uri = new java.net.URI(path);
            return uri.getScheme() == null && uri.getRawAuthority() == null ? path : "/me";
        } catch (java.net.URISyntaxException notAPath) {
            return "/me";
        }
    }
}
