package org.evenhand.casework;

import io.quarkus.qute.Engine;
import io.quarkus.qute.ReflectionValueResolver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The letter templates rendered by a plain Qute engine, as the application renders them, without booting it. */
final class LetterTemplates {

    static final Engine ENGINE = Engine.builder().addDefaults().addValueResolver(new ReflectionValueResolver()).build();

    private LetterTemplates() {
    }

    static Letters.Letter render(String name, Object model) {
        return Letters.Letter.parse(text(name, model));
    }

    static String text(String name, Object model) {
        try {
            String source = Files.readString(Path.of("src/main/resources/templates/letters/" + name + ".txt"));
            return ENGINE.parse(source).data("m", model).render();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
