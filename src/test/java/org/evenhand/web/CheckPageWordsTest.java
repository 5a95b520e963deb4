package org.evenhand.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.evenhand.casework.ResponseReviewWords;
import org.evenhand.intake.FilingReviewWords;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The member-facing words of the check pages (decision 0037) exist in Welsh, every one of them, with
 * the same placeholders as the English: a message added in English only, or a placeholder lost in
 * translation, fails here rather than showing English (or nothing) on a Welsh page.
 */
@Tag("fast")
class CheckPageWordsTest {

    static final List<Class<?>> BUNDLES = List.of(ConfirmWords.class, FilingReviewWords.class, ResponseReviewWords.class);
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]*)}");

    @Test
    void everyCheckPageWordIsInWelshWithTheSamePlaceholders() throws Exception {
        for (Class<?> bundle : BUNDLES) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Properties welsh = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/messages/" + name + "_cy.properties")) {
                assertNotNull(in, "messages/" + name + "_cy.properties");
                welsh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            Set<String> keys = Arrays.stream(bundle.getDeclaredMethods()).map(Method::getName)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(keys, new TreeSet<>(welsh.stringPropertyNames()), name + ": the Welsh has every message, and no other");
            for (Method m : bundle.getDeclaredMethods()) {
                String english = m.getAnnotation(Message.class).value();
                String cy = welsh.getProperty(m.getName());
                assertFalse(cy.isBlank(), name + "." + m.getName());
                assertEquals(placeholders(english), placeholders(cy), name + "." + m.getName() + ": placeholders");
                assertFalse(cy.contains("''"), name + "." + m.getName() + ": an apostrophe is written once");
            }
        }
    }

    @Test
    void theWelshIsReadAsUtf8() throws Exception {
        Properties welsh = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/messages/filingReviewWords_cy.properties")) {
            welsh.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertTrue(welsh.getProperty("aboutTitle").contains("\u0175"), "ŵ survives: " + welsh.getProperty("aboutTitle"));
    }

    static Set<String> placeholders(String s) {
        Set<String> out = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(s);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }
}
