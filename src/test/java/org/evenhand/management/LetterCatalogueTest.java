package org.evenhand.management;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evenhand.casework.LetterTemplates;
import org.evenhand.casework.Letters;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The letters the manager may edit (decision 0043): every letter template but the envelope, each with sample
 * data; and each kind's bundled text (version 1), rendered as a manager's version is, writes exactly the letter
 * the bundled template writes, in both languages.
 */
@Tag("fast")
class LetterCatalogueTest {

    @Test
    void everyLetterTemplateIsEditable() throws IOException {
        TreeSet<String> files;
        try (Stream<Path> list = Files.list(Path.of("src/main/resources/templates/letters"))) {
            files = list.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", ""))
                    .filter(n -> !n.equals("envelope")).collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, new TreeSet<>(LetterCatalogue.KINDS.keySet()));
    }

    @Test
    void theBundledTextAsVersionOneWritesTheBundledLetter() {
        for (String kind : LetterCatalogue.KINDS.keySet()) {
            for (String locale : LetterCatalogue.LOCALES) {
                Locale l = Locale.forLanguageTag(locale);
                Object sample = LetterCatalogue.sample(kind);
                Letters.Letter bundled = LetterTemplates.render(kind, sample, l);
                LetterCatalogue.Text t = LetterCatalogue.bundled(kind, locale);
                Letters.Letter asVersion = Letters.Letter.parse(LetterTemplates.ENGINE.parse(t.subject() + "\n\n"
                        + t.body()).data("m", sample).setLocale(l).render());
                assertEquals(bundled, asVersion, kind + " in " + locale);
                assertFalse(bundled.body().isBlank(), kind);
            }
        }
    }
}
