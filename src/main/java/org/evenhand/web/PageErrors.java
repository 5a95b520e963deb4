package org.evenhand.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Map;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;

/**
 * Errors as pages rather than problem+json: not found (which is also what a case you may not see
 * looks like), conflicts with the case's state, and refused forms.
 */
@ApplicationScoped
public class PageErrors {

    public record ErrorPage(int status, String heading, String message, String home, boolean signedIn) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(ErrorPage page);

        static native TemplateInstance plain(ErrorPage page);
    }

    /** The error words in the page's language. */
    ErrorWords words() {
        return Words.in(ErrorWords.class, language.locale());
    }

    public Response page(int status, String heading, String message) {
        return Html.page(status, Templates.error(new ErrorPage(status, heading, message, viewer.home(), viewer.signedIn())));
    }

    /** The page for a status, in the words of {@link ErrorWords}. */
    public Response page(int status) {
        ErrorWords w = words();
        return page(status, w.heading(status), w.explanation(status));
    }

    /**
     * The page for a request that failed before any page resource ran (no signed-in layout: the
     * request may not have got as far as knowing who sent it).
     */
    public static String plain(ErrorWords words, int status) {
        return Templates.plain(new ErrorPage(status, words.heading(status), words.explanation(status), "/", false)).render();
    }

    /** A page the person's roles do not open. */
    public Response forbidden() {
        return page(403);
    }


    @Inject
    Viewer viewer;
    @Inject
    PageLanguage language;

    /**
     * The page for a problem the shared mappers made: a refusal by role in the general words, a state
     * the case has moved past or a removed item in the problem's own sentence, anything else by status.
     */
    public Response of(int status, Problem problem) {
        String detail = problem == null ? null : sentence(problem.detail());
        boolean roleRefused = problem != null && problem.type() != null && problem.type().endsWith("/forbidden");
        if (detail == null || detail.isEmpty() || status == 404 || roleRefused) {
            return page(status);
        }
        return switch (status) {
            case 403 -> page(403, words().cannotDo(), detail);
            case 409, 410 -> page(status, words().heading(status), detail);
            case 400 -> problem.errors() == null || problem.errors().isEmpty() ? page(400)
                    : page(400, words().notRight(), String.join(" ", problem.errors().stream()
                            .map(e -> sentence(e.message())).toList()));
            case 422 -> page(status, words().notRight(), detail);
            default -> page(status);
        };
    }

    /**
     * Copies the field errors of a refused request onto the form, naming each field as the form
     * does; messages for fields the form does not show go to the summary under {@code other}.
     */
    public static void onto(Form form, ProblemException e, Map<String, String> fieldNames, String other) {
        List<Problem.FieldError> errors = e.toProblem(null).errors();
        if (errors == null || errors.isEmpty()) {
            form.error(other, sentence(e.getMessage()));
            return;
        }
        for (Problem.FieldError f : errors) {
            String name = fieldNames.getOrDefault(f.field(), fieldNames.containsValue(f.field()) ? f.field() : other);
            form.error(name, sentence(f.message()));
        }
    }

    public static void onto(Form form, ConstraintViolationException e, Map<String, String> fieldNames, String other) {
        e.getConstraintViolations().forEach(v -> {
            String path = v.getPropertyPath().toString();
            String last = path.contains(".") ? path.substring(path.lastIndexOf('.') + 1) : path;
            last = last.replaceAll("\\[.*", "");
            form.error(fieldNames.getOrDefault(last, other), sentence(v.getMessage()));
        });
    }

    /** "must not be blank" → "Must not be blank." */
    static String sentence(String s) {
        if (s == null || s.isBlank()) {
            return "";
        }
        String t = s.strip();
        t = Character.toUpperCase(t.charAt(0)) + t.substring(1);
        return t.endsWith(".") ? t : t + ".";
    }
}
