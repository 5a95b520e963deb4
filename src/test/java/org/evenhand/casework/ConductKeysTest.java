package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What identifies a post: its link without the noise around it, or its words without their spelling out. */
@org.junit.jupiter.api.Tag("fast")
class ConductKeysTest {

    static String link(String l) {
        return PileOns.normalisedLink(l).orElseThrow();
    }

    @Test
    void oneTweetUnderManyLinks() {
        String canonical = link("https://twitter.com/SomeOne/status/1790000000000000001");
        for (String variant : List.of("http://twitter.com/someone/status/1790000000000000001",
                "https://x.com/SomeOne/status/1790000000000000001?s=20&t=AbCdEf",
                "https://www.twitter.com/someone/status/1790000000000000001/",
                "https://mobile.twitter.com/someone/status/1790000000000000001?utm_source=share#reply",
                "https://X.COM:443/someone//status/1790000000000000001?ref_src=twsrc%5Etfw")) {
            assertEquals(canonical, link(variant), variant);
        }
        assertEquals("twitter.com/someone/status/1790000000000000001", canonical);
    }

    @Test
    void identifyingQueryParametersStay() {
        assertEquals("facebook.com/permalink.php?id=77&story_fbid=123",
                link("https://m.facebook.com/permalink.php?story_fbid=123&id=77&fbclid=IwAR0xyz&mibextid=abc"));
        assertNotEquals(link("https://facebook.com/permalink.php?story_fbid=123&id=77"),
                link("https://facebook.com/permalink.php?story_fbid=124&id=77"));
        assertNotEquals(link("https://example.org/Posts/ABC"), link("https://example.org/posts/abc"),
                "paths are case-sensitive except where the site says otherwise");
    }

    @Test
    void noKeyForWhatIsNotALink() {
        assertEquals(Optional.empty(), PileOns.normalisedLink("not a link"));
        assertEquals(Optional.empty(), PileOns.normalisedLink(" "));
        assertEquals(Optional.empty(), PileOns.normalisedLink(null));
    }

    @Test
    void oneExcerptUnderManySpellings() {
        String canonical = PileOns.normalisedExcerpt("Members like you should be THROWN out of the party!!", 24).orElseThrow();
        for (String variant : List.of("members like you should be thrown out of the party",
                "  Members   like you — should be thrown out of the party… ",
                "Members like you should be thrown\u200b out of the party.",
                "ＭＥＭＢＥＲＳ like you should be thrown out of the party")) {
            assertEquals(canonical, PileOns.normalisedExcerpt(variant, 24).orElseThrow(), variant);
        }
        assertNotEquals(canonical, PileOns.normalisedExcerpt("Members like you should be kept in the party", 24)
                .orElseThrow());
    }

    @Test
    void shortExcerptsAreTooGenericToIdentifyAPost() {
        assertTrue(PileOns.normalisedExcerpt("You idiot!", 24).isEmpty());
        assertTrue(PileOns.normalisedExcerpt(null, 24).isEmpty());
    }
}
