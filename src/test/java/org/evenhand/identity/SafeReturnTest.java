package org.evenhand.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The language switch brings a member back only to a page of this site, never anywhere else. */
@Tag("fast")
class SafeReturnTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "/me/cases/EVH-2026-000001?done=filed#messages| /me/cases/EVH-2026-000001?done=filed#messages",
            "/| /",
            "NULL| /me",
            "''| /me",
            "//evil.example/| /me",
            "/\\evil.example/| /me",
            "https://evil.example/| /me",
            "javascript:alert(1)| /me",
            "me/cases| /me",
            "/me?x=<script>| /me",
            "/me cases| /me",
            "/caf\u00e9| /me",
    })
    void onlyAPathOnThisSite(String back, String expected) {
        assertEquals(expected.strip(), LanguagePreference.safeReturn(back));
    }
}
