package org.evenhand.web;

import io.quarkus.arc.Arc;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** A message bundle in a language, for words Java hands to a page or a letter (decision 0036). */
public final class Words {

    private Words() {
    }

    /**
     * The bundle in the language of the page being answered (decision 0036): for words a use case hands
     * back, which a page shows; outside a page request (the API, the process), the default (en-GB).
     */
    public static <T> T current(Class<T> bundle) {
        if (!Arc.container().requestContext().isActive()) {
            return MessageBundles.get(bundle);
        }
        return in(bundle, Arc.container().instance(PageLanguage.class).get().locale());
    }

    /** The bundle's file for this language, or its default (en-GB) where it has none. */
    public static <T> T in(Class<T> bundle, Locale language) {
        if (language == null) {
            return MessageBundles.get(bundle);
        }
        try {
            return MessageBundles.get(bundle, Localized.Literal.of(language.toLanguageTag()));
        } catch (IllegalStateException | IllegalArgumentException none) {
            return MessageBundles.get(bundle);
        }
    }
}
