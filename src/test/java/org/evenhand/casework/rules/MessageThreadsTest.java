package org.evenhand.casework.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.evenhand.casework.rules.MessageThreads.Open;
import org.evenhand.casework.rules.MessageThreads.Reader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who reads which message thread, and when a thread takes a message (decision 0033). */
@Tag("fast")
class MessageThreadsTest {

    @ParameterizedTest(name = "{0} (member {1}) reads the thread of member {2}: {3}")
    @CsvSource(nullValues = "none", value = {
            // a party reads their own thread only: complainant 1, joined complainant 2, respondent 3
            "PARTY,      1,    1, true",
            "PARTY,      1,    3, false",
            "PARTY,      3,    1, false",
            "PARTY,      2,    1, false",
            "PARTY,      3,    3, true",
            // a thread whose member was erased is nobody's own any more
            "PARTY,      1, none, false",
            "PARTY,   none, none, false",
            // the caseworker reads every thread; a panel member (blind) and anyone else none
            "CASEWORKER, none,  1, true",
            "CASEWORKER, none,  3, true",
            "CASEWORKER, none, none, true",
            "PANEL,      none,  1, false",
            "PANEL,      none,  3, false",
            "PANEL,      1,     1, false",
            "OTHER,      4,     1, false",
    })
    void whoReadsWhichThread(Reader who, Long reader, Long thread, boolean may) {
        assertEquals(may, MessageThreads.mayRead(who, reader, thread));
    }

    @ParameterizedTest(name = "respondent {0}, told {1}, withdrawn {2}, erased {3}: {4}")
    @CsvSource({
            "false, false, false, false, OPEN",
            "true,  true,  false, false, OPEN",
            "true,  false, false, false, NOT_TOLD",
            "false, false, true,  false, WITHDRAWN",
            "false, false, false, true,  ERASED",
            "true,  false, false, true,  ERASED",
            "true,  true,  false, true,  ERASED",
    })
    void whenAThreadTakesAMessage(boolean respondent, boolean told, boolean withdrawn, boolean erased, Open open) {
        assertEquals(open, MessageThreads.open(respondent, told, withdrawn, erased));
    }
}
