package org.evenhand.web;

import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import java.util.Locale;

/** A message bundle in a language, for words Java hands to a page or a letter (decision 0036). */
public final class Words {

    private Words() {
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
