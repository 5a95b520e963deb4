package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Dates, lists and terms as letters put them. */
@Tag("fast")
class LetterWordsTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "2026-09-12T08:00:00Z, Saturday 12 September 2026",
            "2026-09-12T23:30:00Z, Sunday 13 September 2026",
            "2026-01-01T00:30:00Z, Thursday 1 January 2026",
    })
    void aDeadlineIsTheDayInLondon(Instant at, String words) {
        assertEquals(words, LetterWords.date(at));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "2026-09-12, 12 September 2026", "2026-01-02, 2 January 2026" })
    void aDay(LocalDate d, String words) {
        assertEquals(words, LetterWords.day(d));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = ';', value = { "a; a", "a,b; a and b", "a,b,c; a, b and c" })
    void lists(String items, String words) {
        assertEquals(words, LetterWords.list(Arrays.asList(items.split(","))));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({ "1, 1 month", "6, 6 months" })
    void months(int n, String words) {
        assertEquals(words, LetterWords.months(n));
        assertEquals("", LetterWords.list(List.of()));
    }
}
