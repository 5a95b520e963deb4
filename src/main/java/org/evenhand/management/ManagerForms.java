package org.evenhand.management;

import io.quarkus.qute.TemplateInstance;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import org.evenhand.common.ProblemException;
import org.evenhand.web.Form;
import org.evenhand.web.Html;

/**
 * How the complaints manager's pages take a form: read the fields into the command, call the use
 * case, and either send the browser on (303) or show the page again with each refusal next to its
 * field. The page checks nothing itself: the command and the use case do.
 */
final class ManagerForms {

    private ManagerForms() {
    }

    /** Runs the action; on success sees the browser on to where it says, else the page again with the refusals. */
    static Response act(Form form, Supplier<String> action, Function<Form, TemplateInstance> again, String other) {
        int status = 400;
        try {
            return Html.seeOther(action.get());
        } catch (ConstraintViolationException e) {
            form.reject(e);
        } catch (ProblemException e) {
            if (e.status() != 400 && e.status() != 409) {
                throw e;
            }
            status = e.status();
            form.reject(e, other);
        }
        return Html.page(status, again.apply(form));
    }

    /** A date field: null when empty or not a date (the command then says what is missing). */
    static LocalDate date(Form form, String name) {
        String v = form.text(name);
        try {
            return v == null ? null : LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The ids ticked in a list of checkboxes (anything not a number is no id). */
    static List<Long> ids(Form form, String name) {
        List<Long> out = new ArrayList<>();
        for (String v : form.values(name)) {
            try {
                out.add(Long.parseLong(v.strip()));
            } catch (NumberFormatException e) {
                // not a pool of ours: left out, and the command says if none remains
            }
        }
        return out;
    }
}
