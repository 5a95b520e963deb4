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
import org.evenhand.common.Commands;
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

    /** A declared interest recorded by a complaints manager for a handler (decision 0038). */
    public record RecordFor(
            @NotBlank(message = "{interest.handler.required}")
            @Size(max = 64, message = "{interest.handler.required}") String handler,
            @NotBlank(message = "{interest.kind.required}")
            @Pattern(regexp = "member|clp|body", message = "{interest.kind.one-of}") String kind,
            @NotBlank(message = "{interest.value.required}")
            @Size(max = 200, message = "{interest.value.size}") String value,
            @NotNull(message = "{interest.from.required}") LocalDate from,
            LocalDate to,
            @Size(max = 500, message = "{interest.note.size}") String note) {
    }

    /** A declared interest on the register as the complaints manager reads it: whose, and who recorded it. */
    public record RegisterEntry(long id, String handler, String handlerName, String kind, String value,
            String valueName, LocalDate from, LocalDate to, String note, Instant declaredAt, String recordedBy,
            boolean current) {
    }

    /** A declared interest as its handler sees it. */
    public record View(long id, String kind, String value, String valueName, LocalDate from, LocalDate to, String note,
            Instant declaredAt, boolean current) {
    }

    @Inject
    TimeSource time;
    @Inject
    ActionTrail trail;
    @Inject
    Commands commands;
    @Inject
    CaseProcess process;
    @Inject
    Handovers handovers;

    @Transactional
    public List<View> mine(String username) {
        return DeclaredInterest.of(username).stream().map(this::view).toList();
    }

    @Transactional
    public View declare(String username, Declare in) {
        requireHandler(username);
        DeclaredInterest d = store(username, in, null);
        trail.record(username, "interest-declared", null, "a declared interest (" + d.kind + ") from " + d.fromDate
                + (d.toDate == null ? "" : " to " + d.toDate));
        takeEffect(username, "a declared interest");
        return view(d);
    }

    /** The register of every handler's declared interests (or one handler's), newest first. */
    @Transactional
    public List<RegisterEntry> register(String handler) {
        if (handler != null && !handler.isBlank() && Handler.findById(handler.strip()) == null) {
            throw ProblemException.invalidField("handler", "no handler has this login");
        }
        List<DeclaredInterest> found = handler == null || handler.isBlank()
                ? DeclaredInterest.list("order by id desc") : DeclaredInterest.list("handler = ?1 order by id desc",
                        handler.strip());
        return found.stream().map(this::entry).toList();
    }

    @Transactional
    public RegisterEntry entry(long id) {
        DeclaredInterest d = DeclaredInterest.findById(id);
        if (d == null) {
            throw ProblemException.notFound("declared interest " + id);
        }
        return entry(d);
    }

    /** A complaints manager records an interest for a handler; open tasks it touches are handed on. */
    @Transactional
    public RegisterEntry recordFor(String manager, RecordFor in) {
        commands.check(in);
        Handler h = Handler.findById(in.handler().strip());
        if (h == null) {
            throw ProblemException.invalidField("handler", "no handler has this login");
        }
        DeclaredInterest d = store(h.username, new Declare(in.kind(), in.value(), in.from(), in.to(), in.note()), manager);
        trail.record(manager, "interest-recorded", null, "for " + h.username + ": a declared interest (" + d.kind
                + ") from " + d.fromDate + (d.toDate == null ? "" : " to " + d.toDate));
        takeEffect(h.username, "a declared interest recorded by the complaints manager");
        return entry(d);
    }

    /** A complaints manager ends a handler's declared interest. */
    @Transactional
    public RegisterEntry endFor(String manager, long id, End in) {
        commands.check(in);
        DeclaredInterest d = DeclaredInterest.findById(id);
        if (d == null) {
            throw ProblemException.notFound("declared interest " + id);
        }
        ending(d, in);
        trail.record(manager, "interest-ended", null, "for " + d.handler + ": declared interest " + id + " ended on "
                + d.toDate);
        return entry(d);
    }

    private DeclaredInterest store(String username, Declare in, String recordedBy) {
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
        d.recordedBy = recordedBy;
        d.persist();
        return d;
    }

    /**
     * A new interest takes the handler off the open tasks of cases it touches: every case where they
     * hold or are offered a task is checked again, as when a complainant joins (decision 0024).
     */
    private void takeEffect(String username, String why) {
        process.tasksFor(username).stream().map(CaseProcess.WorkItem::caseRef).filter(java.util.Objects::nonNull)
                .distinct().forEach(ref -> CaseFile.byRef(ref).filter(c -> c.status == CaseFile.Status.OPEN)
                        .ifPresent(c -> handovers.recheck(c, why)));
    }

    @Transactional
    public View end(String username, long id, End in) {
        DeclaredInterest d = DeclaredInterest.findById(id);
        if (d == null || !d.handler.equals(username)) {
            throw ProblemException.notFound("declared interest " + id);
        }
        ending(d, in);
        trail.record(username, "interest-ended", null, "declared interest " + id + " ended on " + d.toDate);
        return view(d);
    }

    private void ending(DeclaredInterest d, End in) {
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
    }

    private static void requireHandler(String username) {
        Handler h = Handler.findById(username);
        if (h == null || !h.active) {
            throw ProblemException.forbidden("only caseworkers and panel members on record keep a register of interests");
        }
    }

    private RegisterEntry entry(DeclaredInterest d) {
        String name = "member".equals(d.kind) ? Member.byMembershipNumber(d.value).map(m -> m.displayName).orElse(null)
                : null;
        String handlerName = Handler.<Handler>findByIdOptional(d.handler).map(h -> h.displayName).orElse(d.handler);
        return new RegisterEntry(d.id, d.handler, handlerName, d.kind, d.value, name, d.fromDate, d.toDate, d.note,
                d.declaredAt, d.recordedBy, d.rule().heldDuring(time.today(), time.today()));
    }

    private View view(DeclaredInterest d) {
        String name = "member".equals(d.kind) ? Member.byMembershipNumber(d.value).map(m -> m.displayName).orElse(null)
                : null;
        Eligibility.Interest i = d.rule();
        return new View(d.id, d.kind, d.value, name, d.fromDate, d.toDate, d.note, d.declaredAt,
                i.heldDuring(time.today(), time.today()));
    }
}
