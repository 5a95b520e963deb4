package org.evenhand.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What a blind reader is spared (decision 0028): the handles a party's name suggests, and every
 * place name (CLP, region) however it is written. Tables of names and texts, no Quarkus.
 */
@Tag("fast")
class BlindingRulesTest {

    @ParameterizedTest(name = "{0} suggests {1}")
    @CsvSource(delimiter = '|', value = {
            "Jane Doe | janedoe jane.doe jane_doe jane-doe doejane doe.jane doe_jane doe-jane jdoe j.doe j_doe j-doe janed",
            "Seán O'Brien | seanobrien sean.obrien obriensean sobrien s.obrien seano",
            "Mary Ann Smith | marysmith smithmary msmith maryannsmith mary.ann.smith mary_ann_smith marys",
            "Al Li | alli lial",
            "Ed Li | edli lied",
            "Bo Wu | bowu wubo",
            "Cher | ",
            "Erin Elliott | erinelliott erin_elliott elliotterin eelliott errine",
    })
    void handlesFromAName(String name, String expected) {
        List<String> handles = Handles.of(name);
        List<String> want = expected == null ? List.of() : List.of(expected.trim().split("\\s+"));
        for (String h : want) {
            if (h.equals("errine")) {
                assertFalse(handles.contains(h), "not a handle of " + name + ": " + h);
                continue;
            }
            assertTrue(handles.contains(h), name + " should suggest " + h + ", got " + handles);
        }
        assertTrue(handles.stream().allMatch(h -> h.replaceAll("[._-]", "").length() >= Handles.SHORTEST), handles.toString());
        if (want.isEmpty()) {
            assertEquals(List.of(), handles);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "see https://x.com/janedoe/status/1 | see https://x.com/[the respondent]/status/1",
            "@JaneDoe1987 replied | [the respondent] replied",
            "by jane_doe and j.doe | by [the respondent] and [the respondent]",
            "Jane Doe wrote | [the respondent] wrote",
            "Doe said | [the respondent] said",
            "instagram.com/doe.jane?igsh=2 | instagram.com/[the respondent]?igsh=2",
            "janedoesnt | janedoesnt",
            "the jdoe_official account | the [the respondent]_official account",
    })
    void handlesAreStruckInLinksAndText(String text, String struck) {
        NameRedaction r = new NameRedaction("Jane Doe", List.of("M100009", "jdoe77"), "[the respondent]");
        assertEquals(struck, r.apply(text));
    }

    static final PlaceRedaction PLACES = new PlaceRedaction(List.of("Cardiff North", "Wales", "Leeds Central",
            "Yorkshire and the Humber", "South West", "Hove", "Ynys Môn", "Stoke-on-Trent Central", "East of England"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Cardiff North, Wales | [place], [place]",
            "cardiff-north | [place]",
            "https://x.com/CardiffNorthLabour | https://x.com/CardiffNorthLabour",
            "#cardiffnorth and #CARDIFF_NORTH | #[place] and #[place]",
            "the Leeds branch | the [place] branch",
            "in the South West office | in the [place] office",
            "north of the river, south west of it | north of the river, [place] of it",
            "Yorkshire and the Humber | [place]",
            "Ynys Mon and ynys môn | [place] and [place]",
            "Stoke on Trent Central | [place]",
            "Hoverboard | Hoverboard",
            "at HOVE | at [place]",
            "the central point | the central point",
            "East of England | [place]",
    })
    void placesAreStruckHoweverWritten(String text, String struck) {
        assertEquals(struck, PLACES.apply(text));
    }

    @Test
    void anEmptyListStrikesNothing() {
        assertEquals("Cardiff North", new PlaceRedaction(List.of()).apply("Cardiff North"));
        assertEquals(null, PLACES.apply(null));
    }

    @Test
    void aLineBreakEndsAName() {
        assertEquals("[place]\nNorth", new PlaceRedaction(List.of("Cardiff North")).apply("Cardiff\nNorth"));
    }
}
