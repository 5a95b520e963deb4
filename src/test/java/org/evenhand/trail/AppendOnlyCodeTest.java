package org.evenhand.trail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evenhand.casework.InterferenceRecord;
import org.junit.jupiter.api.Test;

/**
 * No code path updates or deletes the append-only records: no call to an entity's delete or
 * update methods, and no SQL in the sources that updates, deletes or truncates those tables.
 * (The database refuses it anyway: TrailTamperingTest.)
 */
@org.junit.jupiter.api.Tag("fast")
class AppendOnlyCodeTest {

    static final JavaClasses MAIN = org.evenhand.testing.MainClasses.MAIN;

    @Test
    void noCodeCallsDeleteOrUpdateOnAppendOnlyEntities() {
        for (Class<?> entity : List.of(TrailEntry.class, PendingAction.class, InterferenceRecord.class)) {
            noClasses().should().callMethodWhere(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "a delete or update method of " + entity.getSimpleName(),
                    call -> call.getTargetOwner().isEquivalentTo(entity)
                            && call.getName().matches("delete.*|update.*|persistAndFlush")))
                    .check(MAIN);
        }
    }

    @Test
    void noSqlChangesAppendOnlyTables() throws IOException {
        Pattern change = Pattern.compile("(?i)(update\\s+\"?(trail_entries|trail_anchors|interference_records)"
                + "|delete\\s+from\\s+\"?(trail_entries|trail_anchors|interference_records)"
                + "|truncate\\s+(table\\s+)?\"?(trail_entries|trail_anchors|interference_records))");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<String> offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".sql")
                            || p.toString().endsWith(".xml") || p.toString().endsWith(".bpmn"))
                    .filter(p -> {
                        try {
                            return change.matcher(Files.readString(p)).find();
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).map(Path::toString).toList();
            assertTrue(offenders.isEmpty(), "SQL that changes an append-only table: " + offenders);
        }
    }

    @Test
    void onlyTheChainerTakesActionsOutOfTheInboxAndNothingChangesThem() throws IOException {
        Pattern change = Pattern.compile("(?i)(update\\s+\"?trail_inbox|truncate\\s+(table\\s+)?\"?trail_inbox)");
        Pattern delete = Pattern.compile("(?i)delete\\s+from\\s+\"?trail_inbox");
        try (Stream<Path> files = Files.walk(Path.of("src/main"))) {
            List<String> offenders = files.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".xml")
                            || p.toString().endsWith(".bpmn"))
                    .filter(p -> {
                        try {
                            String text = Files.readString(p);
                            return change.matcher(text).find() || (delete.matcher(text).find()
                                    && !p.endsWith(Path.of("org/evenhand/trail/TrailChainer.java")));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }).map(Path::toString).toList();
            assertTrue(offenders.isEmpty(), "code that changes the trail inbox: " + offenders);
        }
    }
}
