package org.evenhand.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evenhand.testing.PlainBundles;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Every language Evenhand offers has every message members read (decision 0036): each member-facing message
 * bundle's localized file has every key of its interface (Quarkus refuses unknown keys itself, but quietly
 * falls back to English for a missing one), and ValidationMessages_<tag> has every member form's rule. A
 * bundle is member-facing if a template members read names it, or if it has a localized file at all (words
 * Java hands a member's page); staff-only bundles are English only. No boot.
 */
@Tag("fast")
class BundlesInEveryLanguageTest {

    /** The templates members read: the layout, shared tags, letters, and the member and public pages. */
    static final List<String> MEMBER_TEMPLATES = List.of("layout.html", "tags/", "letters/", "PageErrors/",
            "PublicPages/", "MemberCasePages/", "FilingPages/", "EvidencePages/", "MemberDataPages/",
            "PrivacyNoticePage/", "WithdrawalPage/", "InboxPages/", "AuditPages/survey", "AuditPages/faction");

    /** The bundles the member templates name ({name:...}). */
    static Set<String> namedByMemberTemplates() throws IOException {
        Path root = Path.of("src/main/resources/templates");
        Set<String> out = new TreeSet<>();
        java.util.regex.Pattern ns = java.util.regex.Pattern.compile("\\{([a-zA-Z]+):");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String rel = root.relativize(f).toString().replace('\\', '/');
                if (MEMBER_TEMPLATES.stream().anyMatch(rel::startsWith)) {
                    java.util.regex.Matcher m = ns.matcher(Files.readString(f));
                    while (m.find()) {
                        out.add(m.group(1));
                    }
                }
            }
        }
        out.remove("inject");
        return out;
    }

    /** The member commands' rules in ValidationMessages (the staff forms' stay English). */
    static final List<String> MEMBER_RULES = List.of("complaint.", "evidence.text", "evidence.nothing",
            "evidence.threadContext", "evidence.attest", "evidence.consent", "evidence.url", "evidence.kind", "response.",
            "withdrawal.", "report.", "message.", "appeal.", "erasure.", "faction.", "identity.");

    /** The languages offered besides English, from quarkus.locales. */
    static List<String> otherLanguages() throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            p.load(in);
        }
        return Arrays.stream(p.getProperty("quarkus.locales").split(",")).map(String::strip)
                .filter(t -> !t.equals(p.getProperty("quarkus.default-locale"))).toList();
    }

    /** Every message bundle interface in the application. */
    static List<Class<?>> bundles() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            return files.filter(f -> f.toString().endsWith(".java")).filter(f -> {
                try {
                    return Files.readString(f).contains("@MessageBundle(");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).map(f -> Path.of("src/main/java").relativize(f).toString().replace('/', '.').replaceFirst("\\.java$", ""))
                    .map(BundlesInEveryLanguageTest::load).toList();
        }
    }

    static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void welshIsOffered() throws IOException {
        assertTrue(otherLanguages().contains("cy"), otherLanguages().toString());
    }

    @Test
    void everyMemberFacingBundleHasEveryMessageInEveryLanguage() throws IOException {
        List<Class<?>> bundles = bundles();
        assertTrue(bundles.size() >= 15, bundles.toString());
        Set<String> named = namedByMemberTemplates();
        assertTrue(named.containsAll(Set.of("page", "labels", "my", "letter", "notice")), named.toString());
        List<String> missing = new ArrayList<>();
        for (String language : otherLanguages()) {
            for (Class<?> bundle : bundles) {
                String name = bundle.getAnnotation(MessageBundle.class).value();
                if (!named.contains(name) && PlainBundles.file(name, language).isEmpty()) {
                    continue; // staff only: English
                }
                Set<String> have = PlainBundles.file(name, language).keySet();
                for (String key : PlainBundles.keys(bundle)) {
                    if (!have.contains(key)) {
                        missing.add("messages/" + name + "_" + language + ".properties: " + key);
                    }
                }
                for (String key : have) {
                    assertTrue(PlainBundles.keys(bundle).contains(key), name + "_" + language + " has " + key
                            + ", which " + bundle.getSimpleName() + " does not");
                }
                PlainBundles.file(name, language).forEach((key, text) -> assertFalse(text.isBlank(),
                        name + "_" + language + ": " + key + " is empty"));
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyMemberFormsRuleIsInEveryLanguage() throws IOException {
        Properties en = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/ValidationMessages.properties"))) {
            en.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        Set<String> member = en.stringPropertyNames().stream().filter(k -> MEMBER_RULES.stream().anyMatch(k::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
        assertTrue(member.size() > 30, member.toString());
        for (String language : otherLanguages()) {
            Properties other = new Properties();
            try (InputStream in = Files.newInputStream(Path.of("src/main/resources/ValidationMessages_" + language
                    + ".properties"))) {
                other.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
            Set<String> missing = new TreeSet<>(member);
            missing.removeAll(other.stringPropertyNames());
            assertEquals(Set.of(), missing, "ValidationMessages_" + language + " lacks these member rules");
            Set<String> unknown = new TreeSet<>(other.stringPropertyNames());
            unknown.removeAll(en.stringPropertyNames());
            assertEquals(Set.of(), unknown, "ValidationMessages_" + language + " has rules no form has");
        }
    }
}
