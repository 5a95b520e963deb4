package org.evenhand.evidence;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.evenhand.common.Problem;
import org.evenhand.common.ProblemException;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.core.multipart.FormData;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;
import org.jboss.resteasy.reactive.server.multipart.FormValue;

/**
 * The one rule for multipart bodies that carry evidence, used by the API and by the page forms:
 * a body that is cut off or never closed is a 400 (Quarkus' parser fails it before any resource
 * runs; {@link #broken} recognises that failure for the exception mappers), and a form may carry
 * exactly the parts it declares, each once, and at most one file, in its file part. A second
 * file, or a part the form does not have, is refused rather than ignored, so nothing a person sent
 * is silently dropped.
 */
public final class UploadParts {

    private UploadParts() {
    }

    /**
     * API forms: every part is one of {@code allowed}, none is given twice, and the only file is
     * in {@code filePart}.
     */
    public static void requireExactly(Set<String> allowed, String filePart) {
        FormData form = current();
        if (form == null) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : form) {
            Deque<FormValue> values = form.get(name);
            if (name == null || name.isEmpty()) {
                errors.add(new Problem.FieldError("", "a part has no name; name each part"));
            } else if (!allowed.contains(name)) {
                errors.add(new Problem.FieldError(String.valueOf(name), "this form has no part '" + name
                        + "'; its parts are " + String.join(", ", allowed.stream().sorted().toList())));
            } else if (values.size() > 1) {
                errors.add(new Problem.FieldError(name, "the part '" + name + "' is given " + values.size()
                        + " times; give it once" + (name.equals(filePart) ? " (one file per request)" : "")));
            } else if (!name.equals(filePart) && isFile(values.getFirst())) {
                errors.add(new Problem.FieldError(name, "the part '" + name + "' is a file; only '" + filePart
                        + "' takes a file"));
            }
        }
        refuseIf(errors);
    }

    /**
     * Page forms: fields may repeat (a list of ticked boxes does), but the only file is in
     * {@code filePart}, given at most once.
     */
    public static void requireOneFileAt(String filePart) {
        FormData form = current();
        if (form == null) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        for (String name : form) {
            long files = form.get(name).stream().filter(UploadParts::isFile).count();
            if (files > 0 && !filePart.equals(name)) {
                // (a file in a part with no name, too)
                errors.add(new Problem.FieldError(filePart, "the form sent a file in a part named '" + name
                        + "'; choose the file in the form's own file field"));
            } else if (files > 1) {
                errors.add(new Problem.FieldError(filePart, "the form sent " + files + " files; give one file at a"
                        + " time"));
            }
        }
        refuseIf(errors);
    }

    /**
     * The text fields of the current multipart form, each with every value given (a page's form read
     * whole, files aside), so a page builds its Form from what was sent rather than from a list of names.
     */
    public static jakarta.ws.rs.core.MultivaluedMap<String, String> textFields() {
        jakarta.ws.rs.core.MultivaluedMap<String, String> out = new jakarta.ws.rs.core.MultivaluedHashMap<>();
        FormData form = current();
        if (form == null) {
            return out;
        }
        for (String name : form) {
            for (FormValue v : form.get(name)) {
                if (name != null && !isFile(v)) {
                    out.add(name, v.getValue());
                }
            }
        }
        return out;
    }

    /**
     * The problem for a multipart body Quarkus could not parse: cut off before its closing boundary
     * (an IOException from the parser, or the client closing the connection mid-body) or malformed.
     * Empty for any other failure.
     */
    public static Optional<ProblemException> broken(Throwable failure, String contentType) {
        boolean multipart = contentType != null && contentType.toLowerCase().startsWith("multipart/");
        if (!multipart) {
            return Optional.empty();
        }
        if (failure instanceof MultipartParser.MalformedMessageException) {
            return Optional.of(brokenBody("the multipart body is malformed"));
        }
        if (failure instanceof IOException && (String.valueOf(failure.getMessage()).contains("multipart")
                || closedMidway(failure))) {
            return Optional.of(brokenBody("the multipart body ended before its closing boundary (it was cut off"
                    + " or never finished)"));
        }
        return Optional.empty();
    }

    /** The client closed the connection while the body was being read (no one will see the answer). */
    private static boolean closedMidway(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth++ < 10; t = t.getCause()) {
            if (t instanceof java.nio.channels.ClosedChannelException
                    || t instanceof io.vertx.core.http.HttpClosedException) {
                return true;
            }
        }
        return false;
    }

    private static ProblemException brokenBody(String why) {
        return new ProblemException(400, "malformed-multipart", "Malformed multipart body", why + "; nothing was"
                + " stored. Send the whole form again, ending with the closing boundary.", List.of());
    }

    private static boolean isFile(FormValue v) {
        return v.isFileItem() || v.getFileName() != null;
    }

    private static void refuseIf(List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
    }

    private static FormData current() {
        ResteasyReactiveRequestContext ctx = CurrentRequestManager.get();
        return ctx == null ? null : ctx.getFormData();
    }
}
