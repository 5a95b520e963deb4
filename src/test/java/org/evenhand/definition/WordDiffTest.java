package org.evenhand.definition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@org.junit.jupiter.api.Tag("fast")
class WordDiffTest {

    static String render(List<WordDiff.Segment> segments) {
        return segments.stream().map(s -> switch (s.kind()) {
            case SAME -> s.text();
            case REMOVED -> "[-" + s.text() + "-]";
            case ADDED -> "{+" + s.text() + "+}";
        }).collect(Collectors.joining());
    }

    @Test
    void replacedWordKeepsSpacesOutsideTheMarks() {
        assertEquals("It expires after [-24-] {+18+} months.",
                render(WordDiff.between("It expires after 24 months.", "It expires after 18 months.")));
    }

    @Test
    void appendedSentenceIsOneInsertion() {
        assertEquals("at the same time. {+It is not counted twice.+}",
                render(WordDiff.between("at the same time.", "at the same time. It is not counted twice.")));
    }

    @Test
    void rewrittenClauseReadsAsOneReplacement() {
        assertEquals("distress. [-Joining a pile-on counts.-] {+A pile-on is a separate clause.+}",
                render(WordDiff.between("distress. Joining a pile-on counts.",
                        "distress. A pile-on is a separate clause.")));
    }

    @Test
    void identicalTextHasNoChanges() {
        assertEquals(List.of(new WordDiff.Segment(WordDiff.Kind.SAME, "no change here")),
                WordDiff.between("no change here", "no change here"));
    }
}
