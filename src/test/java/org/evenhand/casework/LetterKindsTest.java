package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** One template file per letter kind, each declared with its model, none left over; each starts with its subject. */
@Tag("fast")
class LetterKindsTest {

    static final Path LETTERS = Path.of("src/main/resources/templates/letters");

    /** Every letter template by name ("decision", "envelope"...). */
    static TreeSet<String> templates() {
        try (Stream<Path> list = Files.list(LETTERS)) {
            return list.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyTemplateIsDeclaredAndEveryDeclarationHasItsTemplate() throws IOException {
        TreeSet<String> declared = Stream.of(Letters.class, org.evenhand.evidence.EvidenceLetters.class)
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> Modifier.isNative(m.getModifiers()) && Modifier.isStatic(m.getModifiers()))
                .peek(m -> assertEquals(1, m.getParameterCount(), m + " takes one typed model"))
                .peek(m -> assertTrue(m.getParameterTypes()[0].isRecord(), m + " takes a record"))
                .map(java.lang.reflect.Method::getName).collect(Collectors.toCollection(TreeSet::new));
        TreeSet<String> files;
        try (Stream<Path> list = Files.list(LETTERS)) {
            files = list.map(p -> p.getFileName().toString().replaceFirst("\\.txt$", ""))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        assertEquals(files, declared);
        assertTrue(files.size() >= 14, files.toString());
    }

    @Test
    void eachLetterOpensWithItsSubjectAndABlankLine() throws IOException {
        try (Stream<Path> list = Files.list(LETTERS)) {
            for (Path f : list.filter(p -> !p.getFileName().toString().equals("envelope.txt")).toList()) {
                String[] lines = Files.readString(f).split("\n", -1);
                assertTrue(lines[0].startsWith("{!"), f + ": a comment saying how the file is read");
                assertTrue(!lines[1].isBlank() && lines[2].isBlank(), f + ": the subject, then a blank line");
            }
        }
    }
}
