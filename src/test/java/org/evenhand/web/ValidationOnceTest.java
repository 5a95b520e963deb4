package org.evenhand.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A rule a page shows as an error is written once, on the command record (Bean Validation, with its
 * words in ValidationMessages.properties): a page class that repeats a record's message, or checks a
 * length or a pattern itself, fails the build.
 */
@Tag("fast")
class ValidationOnceTest {

    /** Checks a page must leave to the command: lengths, patterns, emptiness of what it was given. */
    static final List<Pattern> CHECKS = List.of(Pattern.compile("\\.length\\(\\)\\s*[<>]=?"),
            Pattern.compile("\\.matches\\(\""), Pattern.compile("\\.isAfter\\(time\\.today\\(\\)\\)"));

    static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    @Test
    void noPageRepeatsACommandsRule() throws Exception {
        Set<String> messages = commandMessages();
        assertTrue(messages.size() >= 20, "command messages found: " + messages);
        List<String> found = new ArrayList<>();
        List<Path> pages = pageSources();
        assertTrue(pages.size() >= 8, "page classes found: " + pages);
        for (Path page : pages) {
            found.addAll(repeats(page.toString(), Files.readString(page), messages));
        }
        assertEquals(List.of(), found);
    }

    /** The scanner itself can fail: a page that copies a message or checks a length is caught. */
    @Test
    void theScannerCatchesACopy() throws Exception {
        Set<String> messages = commandMessages();
        String copied = messages.iterator().next();
        assertFalse(repeats("Copy.java", "form.error(\"x\", \"" + copied + "\");", messages).isEmpty());
        assertFalse(repeats("Check.java", "if (text.length() > 20000) {", messages).isEmpty());
        assertTrue(repeats("Fine.java", "return Html.seeOther(\"/me\");", messages).isEmpty());
    }

    static List<String> repeats(String name, String source, Set<String> messages) {
        List<String> found = new ArrayList<>();
        for (Pattern check : CHECKS) {
            Matcher m = check.matcher(source);
            while (m.find()) {
                found.add(name + ": checks itself (" + m.group() + ")");
            }
        }
        Matcher m = LITERAL.matcher(source);
        StringBuilder literals = new StringBuilder();
        while (m.find()) {
            literals.append(m.group(1));
        }
        String text = normalise(literals.toString());
        for (String message : messages) {
            if (text.contains(message)) {
                found.add(name + ": repeats \"" + message + "\"");
            }
        }
        return found;
    }

    /** Page resources (@Path classes producing HTML) and the page helpers beside them, as source. */
    static List<Path> pageSources() throws IOException {
        List<Path> out = new ArrayList<>();
        for (JavaClass c : org.evenhand.testing.MainClasses.MAIN) {
            if (c.getEnclosingClass().isPresent()) {
                continue;
            }
            boolean page = org.evenhand.testing.PageClasses.isPageResource(c)
                    || c.getSimpleName().endsWith("Form") && c.getPackageName().startsWith("org.evenhand.");
            if (page) {
                Path source = Path.of("src/main/java", c.getName().replace('.', '/') + ".java");
                if (Files.exists(source)) {
                    out.add(source);
                }
            }
        }
        return out;
    }

    /** Every explicit message on a constraint of a record component in the application, resolved from the bundle. */
    static Set<String> commandMessages() throws Exception {
        Properties bundle = new Properties();
        try (InputStream in = ValidationOnceTest.class.getClassLoader().getResourceAsStream("ValidationMessages.properties")) {
            if (in != null) {
                bundle.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        Set<String> out = new TreeSet<>();
        for (JavaClass c : org.evenhand.testing.MainClasses.MAIN) {
            Class<?> type = Class.forName(c.getName(), false, ValidationOnceTest.class.getClassLoader());
            if (!type.isRecord()) {
                continue;
            }
            for (RecordComponent rc : type.getRecordComponents()) {
                collect(rc.getAnnotations(), bundle, out);
                // a constraint written on a record component lands on its accessor (and field), not on the component
                collect(rc.getAccessor().getAnnotations(), bundle, out);
                if (rc.getAnnotatedType() instanceof java.lang.reflect.AnnotatedParameterizedType p) {
                    for (var arg : p.getAnnotatedActualTypeArguments()) {
                        collect(arg.getAnnotations(), bundle, out);
                    }
                }
            }
        }
        return out;
    }

    private static void collect(Annotation[] annotations, Properties bundle, Set<String> out) throws Exception {
        for (Annotation a : annotations) {
            if (!a.annotationType().getPackageName().startsWith("jakarta.validation")) {
                continue;
            }
            Method message;
            try {
                message = a.annotationType().getMethod("message");
            } catch (NoSuchMethodException notAConstraint) {
                continue;
            }
            String raw = (String) message.invoke(a);
            String resolved = raw.startsWith("{") && raw.endsWith("}") ? bundle.getProperty(raw.substring(1, raw.length() - 1))
                    : raw;
            if (resolved == null || raw.startsWith("{jakarta.validation")) {
                continue;
            }
            // the words a page would copy: without placeholders, long enough to be a sentence
            for (String part : resolved.split("\\{[^}]*}")) {
                String n = normalise(part);
                if (n.length() >= 16) {
                    out.add(n);
                }
            }
        }
    }

    static String normalise(String s) {
        return s.replace("\\u2019", "'").replace("\u2019", "'").replaceAll("\\s+", " ").strip()
                .toLowerCase(Locale.ROOT);
    }
}
