package org.evenhand.casework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.evenhand.testing.Bpmn;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/**
 * The process contract holds both ways: every user task and receive task in workflows/*.bpmn is
 * one TaskKind and every TaskKind is one of them, with its timers, escalation steps and payloads
 * where the BPMN puts them; and each of these ids is written in exactly one Java file.
 */
@Tag("fast")
class TaskKindContractTest {

    @Test
    void everyUserTaskIsOneTaskKindAndViceVersa() {
        List<String> userTasks = Bpmn.ids("userTask");
        assertEquals(userTasks.size(), Set.copyOf(userTasks).size(), "user task ids are unique: " + userTasks);
        assertEquals(new TreeSet<>(userTasks), ids(Arrays.stream(TaskKind.values()).filter(TaskKind::isTask)));
    }

    @Test
    void everyPartyWaitIsOneTaskKindAndViceVersa() {
        assertEquals(new TreeSet<>(partyWaits()), ids(Arrays.stream(TaskKind.values()).filter(k -> !k.isTask())));
        for (TaskKind k : TaskKind.values()) {
            assertEquals(!k.isTask(), k.window().isPresent(), k + ": a party's wait has a window, a task has none");
        }
    }

    @Test
    void eachTaskKindIsCompletedByItsOwnPayload() {
        List<Class<? extends Record>> payloads = Arrays.stream(TaskKind.values()).map(TaskKind::payload)
                .flatMap(java.util.Optional::stream).toList();
        assertEquals(payloads.size(), Set.copyOf(payloads).size(), "no two kinds share a payload: " + payloads);
        assertTrue(payloads.stream().allMatch(p -> p.getEnclosingClass() == Payloads.class), payloads.toString());
    }

    @Test
    void targetsAndWindowsAreTheTimersTheBpmnAttaches() {
        for (TaskKind k : TaskKind.values()) {
            List<String> timers = Bpmn.elements("boundaryEvent").stream()
                    .filter(b -> k.id().equals(b.getAttribute("attachedToRef"))).map(Bpmn::timer)
                    .filter(java.util.Objects::nonNull).toList();
            k.targetVariable().ifPresent(v -> assertTrue(timers.contains("${" + v + "}"), k + " target " + v + ": " + timers));
            k.window().ifPresent(w -> {
                assertTrue(timers.contains("${" + w.variable() + "}"), k + " window " + w.variable() + ": " + timers);
                assertTrue(Bpmn.elements("boundaryEvent").stream().anyMatch(b -> k.id().equals(b.getAttribute(
                        "attachedToRef")) && w.timerName().equals(b.getAttribute("name"))), k + " timer " + w.timerName());
            });
        }
    }

    @Test
    void escalationStepsAreTheBpmnsRaiseEscalationSteps() {
        Set<String> raising = Bpmn.elements("serviceTask").stream()
                .filter(e -> "${raiseEscalation}".equals(Bpmn.camunda(e, "delegateExpression")))
                .map(e -> e.getAttribute("id")).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(raising, Arrays.stream(TaskKind.values()).map(TaskKind::escalationStep)
                .flatMap(java.util.Optional::stream).collect(Collectors.toCollection(TreeSet::new)));
    }

    @Test
    void panelTasksAreMultiInstanceAndSeatTheirBench() {
        for (Element e : Bpmn.elements("userTask")) {
            TaskKind k = TaskKind.of(e.getAttribute("id"));
            boolean multi = e.getElementsByTagNameNS("http://www.omg.org/spec/BPMN/20100524/MODEL",
                    "multiInstanceLoopCharacteristics").getLength() > 0;
            assertEquals(multi, k.bench().isPresent(), k + ": one task per seat exactly when a bench sits on it");
        }
    }

    /** grep: each BPMN id the contract names is written, as a string, in exactly one Java file. */
    @Test
    void eachTaskIdIsWrittenInExactlyOneJavaPlace() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            sources = files.filter(p -> p.toString().endsWith(".java")).toList();
        }
        List<String> ids = Stream.concat(Stream.concat(Bpmn.ids("userTask").stream(), partyWaits().stream()),
                Arrays.stream(TaskKind.values()).map(TaskKind::escalationStep).flatMap(java.util.Optional::stream))
                .toList();
        for (String id : ids) {
            List<Path> naming = sources.stream().filter(p -> read(p).contains("\"" + id + "\"")).toList();
            assertEquals(List.of(Path.of("src/main/java/org/evenhand/casework/TaskKind.java")), naming,
                    "\"" + id + "\" is written in " + naming);
        }
    }

    /** The receive tasks that are stages of a case (the stage listener records them on the case). */
    static List<String> partyWaits() {
        return Bpmn.elements("receiveTask").stream().filter(e -> {
            org.w3c.dom.NodeList listeners = e.getElementsByTagNameNS("http://camunda.org/schema/1.0/bpmn",
                    "executionListener");
            for (int i = 0; i < listeners.getLength(); i++) {
                if ("${stageEntered}".equals(((Element) listeners.item(i)).getAttribute("delegateExpression"))) {
                    return true;
                }
            }
            return false;
        }).map(e -> e.getAttribute("id")).toList();
    }

    static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static TreeSet<String> ids(Stream<TaskKind> kinds) {
        return kinds.map(TaskKind::id).collect(Collectors.toCollection(TreeSet::new));
    }
}
