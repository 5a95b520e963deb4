package org.evenhand.common;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The languages members may read Evenhand in (decision 0036): {@code quarkus.locales}, the first being
 * {@code quarkus.default-locale} (en-GB). Each needs only its files: the bundles' {@code messages/*_<tag>.properties}
 * and {@code ValidationMessages_<tag>.properties}; no code names a language.
 */
@ApplicationScoped
public class Languages {

    final Locale fallback;
    final List<Locale> offered;

    Languages(@ConfigProperty(name = "quarkus.default-locale", defaultValue = "en-GB") String fallback,
            @ConfigProperty(name = "quarkus.locales", defaultValue = "en-GB") String offered) {
        this.fallback = Locale.forLanguageTag(fallback);
        this.offered = Arrays.stream(offered.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Locale::forLanguageTag).toList();
    }

    /** The language pages and letters fall back on. */
    public Locale fallback() {
        return fallback;
    }

    public List<Locale> offered() {
        return offered;
    }

    /** An offered language by its tag ("cy", "cy-GB" and "CY" all find Welsh); empty if not offered. */
    public Optional<Locale> find(String tag) {
        if (tag == null || tag.isBlank() || tag.length() > 35) {
            return Optional.empty();
        }
        Locale asked = Locale.forLanguageTag(tag.strip());
        return offered.stream().filter(l -> l.equals(asked)).findFirst()
                .or(() -> offered.stream().filter(l -> !asked.getLanguage().isEmpty()
                        && l.getLanguage().equals(asked.getLanguage())).findFirst());
    }

    /** A member's stored preference as a language, or the fallback (letters go in it). */
    public Locale of(String storedTag) {
        return find(storedTag).orElse(fallback);
    }

    /**
     * The browser's first choice among the offered languages, by the order and weights of its
     * Accept-Language header, matching on the language alone (en-US reads en-GB); empty if none.
     */
    public Optional<Locale> fromAcceptLanguage(String header) {
        if (header == null || header.isBlank() || header.length() > 500) {
            return Optional.empty();
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        for (Locale.LanguageRange r : ranges) {
            if (r.getWeight() <= 0) {
                continue;
            }
            if ("*".equals(r.getRange())) {
                return Optional.of(fallback);
            }
            Optional<Locale> found = find(r.getRange());
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }
}
