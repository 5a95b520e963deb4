package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.evenhand.casework.rules.PanelTally;
import org.evenhand.definition.DefinitionVersion;
import org.evenhand.definition.Definitions;
import org.evenhand.web.Due;
import org.evenhand.web.Formats;

/** Pieces of a case that member and staff pages show alike: stages, decisions, deadlines, long text. */
@ApplicationScoped
public class CaseDisplay {

    /** One stage of the process in the list beside the diagram. */
    public record StageStep(String step, String label, String state) {

        public boolean current() {
            return "current".equals(state);
        }

        public boolean done() {
            return "done".equals(state);
        }
    }

    public record FindingView(String clause, String title, boolean upheld, String href, PanelTally.Split split) {
    }

    /** A decision; the tag words it (labels: the heading by bench, the sanction by its code) in the page's language. */
    public record DecisionDisplay(String bench, Instant decidedAt, List<FindingView> findings, boolean upheld,
            String sanction, String sanctionId, String sanctionHref, Integer months, List<String> reasons,
            List<String> departure, Boolean appealAllowed, PanelTally.Split appealVote) {

        /** An appeal allowed (the heading says so). */
        public boolean allowed() {
            return Boolean.TRUE.equals(appealAllowed);
        }
    }

    /** The stages in order (the process contract's, then closed), labelled with typographic apostrophes. */
    static final List<String[]> STAGES = java.util.stream.Stream.concat(TaskKind.stages().stream()
            .map(k -> new String[] { k.id(), k.stageLabel().replace('\'', '\u2019') }),
            java.util.stream.Stream.<String[]>of(new String[] { "closed", "Closed" })).toList();

    /** What each pending timer means to the reader. */
    static final Map<String, String> DEADLINES = java.util.Arrays.stream(TaskKind.values())
            .filter(k -> k.deadlineLabel() != null)
            .collect(java.util.stream.Collectors.toMap(TaskKind::id, TaskKind::deadlineLabel));

    @Inject
    Definitions definitions;

    /** The stages in order, marked done, current or to come; a case closed at triage skips the rest. */
    public List<StageStep> stages(CaseViews.Stage stage, boolean appealed) {
        List<StageStep> out = new ArrayList<>();
        if ("dismissed".equals(stage.step())) {
            out.add(new StageStep(TaskKind.TRIAGE.id(), TaskKind.TRIAGE.stageLabel(), "done"));
            out.add(new StageStep("dismissed", "Closed at triage: outside the definition", "current"));
            return out;
        }
        if ("withdrawn".equals(stage.step())) {
            out.add(new StageStep(STAGES.get(0)[0], STAGES.get(0)[1], "done"));
            out.add(new StageStep("withdrawn", "Withdrawn: the case is closed", "current"));
            return out;
        }
        int at = -1;
        for (int i = 0; i < STAGES.size(); i++) {
            if (STAGES.get(i)[0].equals(stage.step())) {
                at = i;
            }
        }
        if ("received".equals(stage.step())) {
            at = 0;
        }
        for (int i = 0; i < STAGES.size(); i++) {
            String step = STAGES.get(i)[0];
            if (TaskKind.HEAR_APPEAL.is(step) && !appealed && !TaskKind.HEAR_APPEAL.is(stage.step())) {
                continue;
            }
            String state = "closed".equals(stage.step()) ? "done" : i < at ? "done" : i == at ? "current" : "todo";
            if ("closed".equals(step) && "closed".equals(stage.step())) {
                state = "current";
            }
            out.add(new StageStep(step, STAGES.get(i)[1], state));
        }
        return out;
    }

    public List<Due> deadlines(List<CaseViews.DeadlineView> list, Instant now) {
        return list.stream().filter(d -> DEADLINES.containsKey(d.step()))
                .map(d -> Due.of(DEADLINES.get(d.step()), d.due(), now)).toList();
    }

    /**
     * The deadlines a party reads, labelled by their step (the page words it, labels:deadline): their
     * own windows by name, and a staff stage as the date it is expected by (its target), so that an
     * open stage always shows a date (decision 0035).
     */
    public List<Due> memberDeadlines(List<CaseViews.DeadlineView> list, Instant now) {
        return list.stream().filter(d -> DEADLINES.containsKey(d.step())).map(d -> Due.of(d.step(), d.due(), now))
                .toList();
    }

    public List<DecisionDisplay> decisions(List<CaseViews.DecisionView> list) {
        List<DecisionDisplay> out = new ArrayList<>();
        for (CaseViews.DecisionView d : list) {
            DefinitionVersion v = definitions.version(d.definitionVersion());
            List<FindingView> findings = new ArrayList<>();
            List<Finding> found = d.findings() == null ? List.of() : d.findings();
            List<PanelTally.Split> splits = d.splits() == null ? List.of() : d.splits();
            for (int i = 0; i < found.size(); i++) {
                Finding f = found.get(i);
                findings.add(new FindingView(f.clause(), definitions.clauseTitle(v.id(), f.clause()), f.upheld(),
                        "/definition/" + v.id() + "#" + f.clause(), i < splits.size() ? splits.get(i) : null));
            }
            out.add(new DecisionDisplay(d.bench(), d.decidedAt(), findings, d.upheld(),
                    definitions.sanctionTitle(v.id(), d.sanction()), d.sanction(),
                    "/definition/" + v.id() + "#sanction-" + d.sanction(), d.sanctionMonths(), paragraphs(d.reasons()),
                    paragraphs(d.departureReason()), d.appealAllowed(), d.appealVote()));
        }
        return out;
    }

    /** Free text split into paragraphs at blank lines (line breaks inside are kept by the stylesheet). */
    public static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.strip().split("\\n\\s*\\n")).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    static final Map<String, String> GROUNDS = Map.of(
            "procedural-failure", "The procedure was not followed",
            "perverse-finding", "No reasonable panel could have reached this finding",
            "new-evidence", "New evidence that was not available before");

    public static String ground(String code) {
        return GROUNDS.getOrDefault(code, code);
    }

    /** An item of evidence on a member's page: the page words its kind and status (my:evidenceWhat, my:evidenceStatus). */
    public record MemberEvidence(CaseEvidence.Item item, boolean pdf, String size) {

        public static MemberEvidence of(CaseEvidence.Item i) {
            return new MemberEvidence(i, "application/pdf".equals(i.mediaType()), CaseDisplay.size(i.sizeBytes()));
        }
    }

    /** An item of evidence as a line in a case's list. */
    public record EvidenceLine(long id, String what, String givenBy, String given, String status, boolean inUse,
            boolean yours, String lawfulBasis) {

        /** "Given by you on 3 August 2026", "Given by the complainant on …". */
        public String givenLine() {
            return "Given by " + (yours ? "you" : givenBy.toLowerCase(java.util.Locale.UK)) + " on " + given;
        }
    }

    public static EvidenceLine evidence(CaseEvidence.Item v) {
        String what = switch (v.kind()) {
            case "file" -> v.filename() + " (" + ("application/pdf".equals(v.mediaType()) ? "PDF" : "image") + ", "
                    + size(v.sizeBytes()) + ")";
            case "link" -> "A link to a post";
            default -> "A text excerpt";
        };
        String status = switch (v.status()) {
            case "withdrawn" -> "Consent withdrawn on " + Formats.date(v.consentWithdrawnAt());
            case "destroyed" -> "Destroyed";
            default -> "In use";
        };
        return new EvidenceLine(v.id(), what, v.yours() ? "You" : "The " + v.party(), Formats.date(v.createdAt()),
                status, v.inUse(), v.yours(), v.lawfulBasis());
    }

    /** A file's size in words: "312 KB", "2.4 MB". */
    public static String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        return bytes < 1024 * 1024 ? Math.max(1, bytes / 1024) + " KB" : String.format("%.1f MB", bytes / 1048576.0);
    }
}
