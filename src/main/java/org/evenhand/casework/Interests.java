package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.evenhand.casework.rules.Eligibility;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;

/**
 * A handler's register of declared interests: members they are connected to, CLPs and other
 * bodies they hold office in, with dates. The draw leaves a handler out of any case a declared
 * interest touches (casework.rules.Eligibility). Handlers see and change only their own.
 */
@ApplicationScoped
public class Interests {

    /** A new declared interest. */
    public record Declare(
            @NotBlank(message = "{interest.kind.required}")
            @Pattern(regexp = "member|clp|body", message = "{interest.kind.one-of}") String kind,
            @NotBlank(message = "{interest.value.required}")
            @Size(max = 200, message = "{interest.value.size}") String value,
            @NotNull(message = "{interest.from.required}") LocalDate from,
            LocalDate to,
            @Size(max = 500, message = "{interest.note.size}") String note) {
    }

    /** Ending a declared interest: the last day it was held. */
    public record End(@NotNull(message = "{interest.to.required}") LocalDate to) {
    }

    /** A declared interest as its handler sees it. */
    public record View(long id, String kind, String value, String valueName, LocalDate from, LocalDate to, String note,
            Instant declaredAt, boolean current) {
    }

    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;

    @Transactional
    public List<View> mine(String username) {
        return DeclaredInterest.of(username).stream().map(this::view).toList();
    }

    @Transactional
    public View declare(String username, Declare in) {
        requireHandler(username);
        String value = in.value().strip().replaceAll("\\s+", " ");
        if ("member".equals(in.kind())) {
            value = value.toUpperCase(Locale.ROOT);
            if (Member.byMembershipNumber(value).isEmpty()) {
                throw ProblemException.invalidField("value", "no member has this membership number");
            }
        }
        if (in.from().isAfter(time.today())) {
            throw ProblemException.invalidField("from", "declare an interest from the day it began, not a future day");
        }
        if (in.to() != null && in.to().isBefore(in.from())) {
            throw ProblemException.invalidField("to", "an interest cannot end before it began");
        }
        DeclaredInterest d = new DeclaredInterest();
        d.handler = username;
        d.kind = in.kind();
        d.value = value;
        d.fromDate = in.from();
        d.toDate = in.to();
        d.note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
        d.declaredAt = time.now();
        d.persist();
        trail.record(username, "interest-declared", null, "a declared interest (" + d.kind + ") from " + d.fromDate
                + (d.toDate == null ? "" : " to " + d.toDate));
        return view(d);
    }

    @Transactional
    public View end(String username, long id, End in) {
        DeclaredInterest d = DeclaredInterest.findById(id);
        if (d == null || !d.handler.equals(username)) {
            throw ProblemException.notFound("declared interest " + id);
        }
        if (d.toDate != null) {
            throw ProblemException.conflict("this interest already ended on " + d.toDate);
        }
        if (in.to().isBefore(d.fromDate)) {
            throw ProblemException.invalidField("to", "an interest cannot end before it began");
        }
        if (in.to().isAfter(time.today())) {
            throw ProblemException.invalidField("to", "end an interest on a day that has come, today at the latest");
        }
        d.toDate = in.to();
        d.endedAt = time.now();
        trail.record(username, "interest-ended", null, "declared interest " + id + " ended on " + d.toDate);
        return view(d);
    }

    private static void requireHandler(String username) {
        Handler h = Handler.findById(username);
        if (h == null || !h.active) {
            throw ProblemException.forbidden("only caseworkers and panel members on record keep a register of interests");
        }
    }

    private View view(DeclaredInterest d) {
        String name = "member".equals(d.kind) ? Member.byMembershipNumber(d.value).map(m -> m.displayName).orElse(null)
                : null;
        Eligibility.Interest i = d.rule();
        return new View(d.id, d.kind, d.value, name, d.fromDate, d.toDate, d.note, d.declaredAt,
                i.heldDuring(time.today(), time.today()));
    }
}
