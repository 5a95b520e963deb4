package org.evenhand.membership;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;

/**
 * Reads a membership file: CSV in UTF-8 (a byte-order mark is allowed), a first line naming the
 * columns in any order, one member a line. A file that cannot be read, or whose first line does not
 * name the columns, is refused here; a line that cannot be read as a record is kept with the line it is
 * on, and refused with the records' own refusals by {@link MembershipSync}.
 */
@ApplicationScoped
public class MembershipCsv {

    static final List<String> REQUIRED = List.of("membership_number", "display_name", "email", "clp", "region", "status");
    static final String JOINED_ON = "joined_on";
    /** The record's property each column fills, for refusals that name the column. */
    static final Map<String, String> COLUMN_OF = Map.of("membershipNumber", "membership_number", "displayName",
            "display_name", "email", "email", "clp", "clp", "region", "region", "status", "status", "joinedOn", JOINED_ON);

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).get();

    @Inject
    MembershipWords words;

    /** The file's bytes as text; not UTF-8: refused. */
    public String text(byte[] bytes) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw refused(List.of(new Problem.FieldError("file", words.notUtf8(), 1)));
        }
    }

    public MembershipBatch read(String text) {
        int[] lineStarts = lineStarts(text);
        List<Problem.FieldError> errors = new ArrayList<>();
        List<MembershipBatch.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSV.parse(new StringReader(text))) {
            List<String> header = null;
            for (CSVRecord rec : parser) {
                int line = lineOf(lineStarts, firstCharacter(text, rec.getCharacterPosition()));
                if (header == null) {
                    header = Arrays.stream(rec.values()).map(v -> v.strip().toLowerCase(java.util.Locale.ROOT)).toList();
                    Problem.FieldError bad = checkHeader(header, line);
                    if (bad != null) {
                        throw refused(List.of(bad));
                    }
                    continue;
                }
                if (rec.size() != header.size()) {
                    errors.add(new Problem.FieldError("line", words.fieldCount(rec.size(), header.size()), line));
                    continue;
                }
                Map<String, String> v = new java.util.HashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    v.put(header.get(i), rec.get(i));
                }
                LocalDate joined = null;
                String joinedText = v.getOrDefault(JOINED_ON, "").strip();
                if (!joinedText.isEmpty()) {
                    try {
                        joined = LocalDate.parse(joinedText);
                    } catch (DateTimeParseException e) {
                        errors.add(new Problem.FieldError(JOINED_ON, words.joinedOnForm(), line));
                    }
                }
                rows.add(new MembershipBatch.Row(line, new MemberRecord(v.get("membership_number"), v.get("display_name"),
                        v.get("email"), v.get("clp"), v.get("region"), v.get("status"), joined)));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw refused(List.of(new Problem.FieldError("file", words.unreadable(String.valueOf(e.getMessage())),
                    null)));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            throw refused(List.of(new Problem.FieldError("file", words.noMembers(), null)));
        }
        return new MembershipBatch(List.copyOf(rows), true, List.copyOf(errors));
    }

    private Problem.FieldError checkHeader(List<String> header, int line) {
        Set<String> missing = new LinkedHashSet<>(REQUIRED);
        missing.removeAll(header);
        Set<String> unknown = new LinkedHashSet<>(header);
        REQUIRED.forEach(unknown::remove);
        unknown.remove(JOINED_ON);
        boolean repeated = new java.util.HashSet<>(header).size() != header.size();
        if (missing.isEmpty() && unknown.isEmpty() && !repeated) {
            return null;
        }
        return new Problem.FieldError("header", words.header(String.join(", ", missing), String.join(", ", unknown)),
                line);
    }

    /** Refused records: at most 100 named, the rest counted. */
    ProblemException refused(List<Problem.FieldError> errors) {
        List<Problem.FieldError> shown = errors.size() > 100 ? errors.subList(0, 100) : errors;
        return new ProblemException(400, "invalid-request", "Invalid request",
                words.refused(errors.size(), shown.size(), errors.size() - shown.size()), List.copyOf(shown));
    }

    /** Where each line starts in the text. */
    static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Where a record really starts: the parser gives the start of the empty lines it skipped before it. */
    static long firstCharacter(String text, long position) {
        int p = (int) position;
        while (p < text.length() && (text.charAt(p) == '\n' || text.charAt(p) == '\r')) {
            p++;
        }
        return p;
    }

    /** The line (from 1) the character at {@code position} is on. */
    static int lineOf(int[] lineStarts, long position) {
        int i = Arrays.binarySearch(lineStarts, (int) position);
        return (i >= 0 ? i : -i - 2) + 1;
    }
}
