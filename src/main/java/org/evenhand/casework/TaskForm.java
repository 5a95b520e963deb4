package org.evenhand.casework;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.web.Form;

/**
 * A task's form as the body its kind is completed with, the API's own (POST /api/tasks/{id}/complete):
 * every input is named after the payload's property path ("reasons", "lawfulBases[0].reason",
 * "findings[1].upheld"), so the body is read off the form and a refusal comes back to the field its
 * path names. Nothing is checked here: the rules are the payloads' (Payloads) and the use cases'.
 */
final class TaskForm {

    private TaskForm() {
    }

    /** The body for a task of this kind, from the form as typed (blank fields as null). */
    static Map<String, Object> body(TaskKind kind, Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        switch (kind) {
            case TRIAGE -> {
                body.put("inScope", form.yesNo("inScope"));
                body.put("clauses", form.values("clauses"));
                body.put("reasons", form.text("reasons"));
                body.put("exchangeOpenedBy", form.text("exchangeOpenedBy"));
                body.put("protectedCharacteristic", form.text("protectedCharacteristic"));
                body.put("lawfulBases", lawfulBases(form));
                body.put("anonymity", anonymity(form));
            }
            case INVESTIGATE -> body.put("report", form.text("report"));
            case PANEL_DECISION -> vote(form, body);
            case HEAR_APPEAL -> {
                body.put("allow", form.yesNo("allow"));
                vote(form, body);
            }
            case REVIEW_SUSPENSION -> {
                body.put("renew", form.yesNo("renew"));
                body.put("reasons", form.text("reasons"));
            }
            case RESOLVE_ESCALATION -> body.put("note", form.text("note"));
            case AWAIT_RESPONSE, COMMENT_WINDOW, APPEAL_WINDOW -> throw new IllegalStateException(kind.id() + " is a party's wait");
        }
        return body;
    }

    /** Where a refusal that names no field of the form is shown: the form's last field. */
    static String lastField(TaskKind kind) {
        return switch (kind) {
            case INVESTIGATE -> "report";
            case RESOLVE_ESCALATION -> "note";
            default -> "reasons";
        };
    }

    /** Step one of a panel member's decision: their findings alone. */
    static Map<String, Object> findingsOnly(Form form) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("findings", findings(form));
        return body;
    }

    /** The findings the form gives, one per clause engaged; none when the form has no finding fields (step two). */
    private static List<Map<String, Object>> findings(Form form) {
        List<Map<String, Object>> findings = new ArrayList<>();
        for (int i = 0; form.text("findings[" + i + "].clause") != null; i++) {
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("clause", form.text("findings[" + i + "].clause"));
            f.put("upheld", form.yesNo("findings[" + i + "].upheld"));
            findings.add(f);
        }
        return findings;
    }

    private static void vote(Form form, Map<String, Object> body) {
        List<Map<String, Object>> findings = findings(form);
        // in step two the findings were recorded in step one and the form carries none
        body.put("findings", findings.isEmpty() && form.text("findingsRecorded") != null ? null : findings);
        body.put("sanction", form.text("sanction"));
        body.put("sanctionMonths", wholeNumber(form.text("sanctionMonths")));
        body.put("departureReason", form.text("departureReason"));
        body.put("reasons", form.text("reasons"));
    }

    /** The decision on a request for anonymity, if any of it was given (the use case says when one is needed). */
    private static Map<String, Object> anonymity(Form form) {
        if (form.text("anonymity.grant") == null && form.text("anonymity.reasons") == null) {
            return null;
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("grant", form.yesNo("anonymity.grant"));
        a.put("reasons", form.text("anonymity.reasons"));
        return a;
    }

    /** One entry for each item of evidence the form lists (blank where nothing was given: the payload says what is needed). */
    private static List<Map<String, Object>> lawfulBases(Form form) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; form.text("lawfulBases[" + i + "].evidenceId") != null; i++) {
            Map<String, Object> b = new LinkedHashMap<>();
            b.put("evidenceId", itemId(form.text("lawfulBases[" + i + "].evidenceId")));
            b.put("basis", form.text("lawfulBases[" + i + "].basis"));
            b.put("reason", form.text("lawfulBases[" + i + "].reason"));
            out.add(b);
        }
        return out;
    }

    private static Long itemId(String given) {
        try {
            return Long.valueOf(given);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The number typed, or null for none (or for words: the payload's rule then says what it needs). */
    private static Integer wholeNumber(String typed) {
        if (typed == null) {
            return null;
        }
        try {
            return Integer.valueOf(typed);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
