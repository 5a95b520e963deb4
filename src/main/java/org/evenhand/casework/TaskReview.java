package org.evenhand.casework;

import java.util.ArrayList;
import java.util.List;
import org.evenhand.casework.StaffCaseFiles.TaskPage;
import org.evenhand.definition.Definitions;
import org.evenhand.web.Form;

/**
 * A handler's decision as its check page shows it before it is recorded (decision 0037): every answer of
 * the task's form, clauses, sanctions and items by their titles, texts as typed. Read from the same form
 * fields as the payload (TaskForm); nothing is judged here, the use case has checked it already.
 *
 * @param findingsStep step one of a panel decision: the findings alone
 * @param findings the findings the form gives, or in step two those recorded in step one
 * @param confirm where "Confirm and record" sends the form; {@code review} where "Change" sends it back
 */
public record TaskReview(TaskPage page, boolean findingsStep, Boolean inScope, List<Definitions.ClauseOption> clauses,
        String exchangeOpenedBy, String protectedCharacteristic, List<Basis> lawfulBases, Boolean anonymityGrant,
        String anonymityReasons, Boolean allow, List<FindingLine> findings, Definitions.Rung sanction,
        String sanctionMonths, String departureReason, Boolean renew, String reasons, String report, String note,
        String confirm, String review) {

    /** A lawful basis recorded at triage for an item of evidence. */
    public record Basis(long item, String what, String basis, String reason) {

        /** The id of the item's fieldset on the task's form. */
        public String anchor() {
            return "lawfulBasis-" + item;
        }
    }

    public record FindingLine(String title, String tierLabel, int tier, boolean upheld) {
    }

    static TaskReview of(TaskPage page, Form form, boolean findingsStep) {
        String task = "/work/tasks/" + page.task().id() + (findingsStep ? "/findings" : "");
        List<Definitions.ClauseOption> clauses = page.clauseChoices().stream()
                .filter(c -> form.values("clauses").contains(c.id())).toList();
        List<Basis> bases = new ArrayList<>();
        for (StaffCaseFiles.BasisRow b : page.lawfulBases()) {
            if (form.text(b.basisName()) != null) {
                bases.add(new Basis(b.item().id(), b.item().what(), form.text(b.basisName()),
                        form.text(b.reasonName())));
            }
        }
        List<FindingLine> findings = new ArrayList<>();
        if (page.sanctionNext()) {
            page.recordedFindings().forEach(f -> findings.add(new FindingLine(f.title(), null, 0, f.upheld())));
        } else {
            for (StaffCaseFiles.FindingRow f : page.findings()) {
                Boolean upheld = form.yesNo(f.upheldName());
                if (upheld != null) {
                    findings.add(new FindingLine(f.clause().title(), f.clause().tierLabel(), f.clause().tier(), upheld));
                }
            }
        }
        Definitions.Rung sanction = page.ladder().stream().filter(r -> r.id().equals(form.text("sanction"))).findFirst()
                .orElse(null);
        return new TaskReview(page, findingsStep, form.yesNo("inScope"), clauses, form.text("exchangeOpenedBy"),
                form.text("protectedCharacteristic"), bases, form.yesNo("anonymity.grant"),
                form.text("anonymity.reasons"), form.yesNo("allow"), findings, sanction, form.text("sanctionMonths"),
                form.text("departureReason"), form.yesNo("renew"), form.text("reasons"), form.text("report"),
                form.text("note"), task, task + "/review");
    }

    public StaffCaseFiles.TaskRow task() {
        return page.task();
    }

    /** Whether an appeal panel member substitutes a decision (allows the appeal) or lets the panel's stand. */
    public boolean substitutes() {
        return !Boolean.FALSE.equals(allow);
    }
}
