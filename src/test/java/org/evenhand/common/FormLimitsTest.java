package org.evenhand.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.validation.constraints.Size;
import java.io.InputStream;
import java.lang.reflect.AnnotatedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * One limit for forms, stated once: Quarkus' per-field form limit is the longest text field of any
 * request record at its worst-case encoding, so no field is refused by the HTTP layer before its own
 * limit (the defect was a 2 KB default under fields of 20,000-100,000 characters). No Quarkus boot.
 */
class FormLimitsTest {

    record Field(String where, int max) {
    }

    static List<Field> textFields() {
        List<Field> out = new ArrayList<>();
        for (JavaClass c : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.evenhand")) {
            Class<?> type = c.reflect();
            if (!type.isRecord()) {
                continue;
            }
            for (RecordComponent rc : type.getRecordComponents()) {
                Size size = rc.getAccessor().getAnnotation(Size.class);
                if (size == null) {
                    size = rc.getAnnotatedType().getAnnotation(Size.class);
                }
                collect(type.getSimpleName() + "." + rc.getName(), rc.getAnnotatedType(), size, out);
            }
        }
        return out;
    }

    private static void collect(String where, AnnotatedType t, Size size, List<Field> out) {
        if (size != null && t.getType() == String.class) {
            out.add(new Field(where, size.max()));
        }
        if (t instanceof java.lang.reflect.AnnotatedParameterizedType p) {
            for (AnnotatedType arg : p.getAnnotatedActualTypeArguments()) {
                collect(where + "[]", arg, arg.getAnnotation(Size.class), out);
            }
        }
    }

    @Test
    void theFormLimitIsTheLongestFieldAtItsWorstEncoding() throws Exception {
        List<Field> fields = textFields();
        assertTrue(fields.size() > 20, "request records with text fields were found: " + fields.size());
        Field longest = fields.stream().max((a, b) -> Integer.compare(a.max(), b.max())).orElseThrow();
        assertEquals(FieldLimits.LONGEST_TEXT, longest.max(), "FieldLimits.LONGEST_TEXT must be the longest field ("
                + longest.where() + ")");
        Properties config = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/application.properties")) {
            config.load(in);
        }
        long formAttribute = Long.parseLong(config.getProperty("quarkus.http.limits.max-form-attribute-size").strip());
        assertEquals((long) FieldLimits.LONGEST_TEXT * FieldLimits.BYTES_PER_CHARACTER_ENCODED, formAttribute,
                "quarkus.http.limits.max-form-attribute-size");
        String body = config.getProperty("quarkus.http.limits.max-body-size");
        assertTrue(body.contains("11M"), "the body limit leaves room for a 10 MB file and the form: " + body);
    }

    @Test
    void aCharacterTakesAtMostNineBytesInAForm() {
        // the worst case: each UTF-16 unit of a three-byte character, percent-encoded (a four-byte
        // character is two units and twelve bytes: six a unit)
        String threeByte = "\u2019";
        String encoded = java.net.URLEncoder.encode(threeByte, java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(FieldLimits.BYTES_PER_CHARACTER_ENCODED, encoded.length());
        String fourByte = "\uD83D\uDE00";
        assertTrue(java.net.URLEncoder.encode(fourByte, java.nio.charset.StandardCharsets.UTF_8).length()
                <= FieldLimits.BYTES_PER_CHARACTER_ENCODED * fourByte.length());
    }
}
