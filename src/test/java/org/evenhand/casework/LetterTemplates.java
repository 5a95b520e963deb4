package org.evenhand.casework;

import io.quarkus.qute.Engine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.evenhand.testing.PlainBundles;

/**
 * The letter templates rendered by a plain Qute engine, as the application renders them, without booting it:
 * with the letters' message bundles, in English (en-GB) or another language (decision 0036).
 */
public final class LetterTemplates {

    public static final Engine ENGINE = PlainBundles.engine(LetterTexts.class, NoticeTexts.class, CaseLabels.class,
            org.evenhand.evidence.EvidenceLetterTexts.class);

    private LetterTemplates() {
    }

    static Letters.Letter render(String name, Object model) {
        return Letters.Letter.parse(text(name, model));
    }

    public static Letters.Letter render(String name, Object model, Locale language) {
        return Letters.Letter.parse(text(name, model, language));
    }

    static String text(String name, Object model) {
        return text(name, model, Locale.UK);
    }

    public static String text(String name, Object model, Locale language) {
        try {
            String source = Files.readString(Path.of("src/main/resources/templates/letters/" + name + ".txt"));
            return ENGINE.parse(source).data("m", model).setLocale(language).render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
