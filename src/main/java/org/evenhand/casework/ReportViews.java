package org.evenhand.casework;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.evenhand.casework.rules.CommentWindow;
import org.evenhand.casework.rules.ReportRedaction;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Member;

/**
 * The investigation report and the parties' comments as each reader sees them (decision 0030): a
 * party reads the report with everyone but their own side and the member complained about struck
 * out (the respondent, every complainant too); the panel reads the comments blind.
 */
@ApplicationScoped
public class ReportViews {

    static final String ANOTHER_COMPLAINANT = "[another complainant]";
    static final String THE_COMPLAINANT = "[the complainant]";
    static final String SOMEONE_ELSE = "[someone else]";

    /** The report as one party reads it, their comment (if they made one) and whether they may still make one. */
    public record ReportView(String report, Instant disclosedAt, Instant commentsClose, boolean canComment,
            String yourComment, Instant yourCommentAt) {
    }

    /** A party's comment as staff read it (blind for the panel: by side, names struck). */
    public record CommentView(String party, String comment, Instant at) {
    }

    @Inject
    CaseViews views;
    @Inject
    TimeSource time;
    @Inject
    ComplainantIdentity identity;

    /** The report as this member reads it; null until it has been disclosed. */
    ReportView forMember(Member m, CaseFile c, Party party, MemberCaseReads.Joined joined) {
        if (c.reportDisclosedAt == null || c.investigationReport == null) {
            return null;
        }
        String report = redactedFor(m, c, party, views.text(c, c.investigationReport), joined.members());
        ReportComment mine = ReportComment.by(c.id, m.id).orElse(null);
        boolean open = CommentWindow.isOpen(TaskKind.COMMENT_WINDOW.is(c.stage) && c.status == CaseFile.Status.OPEN,
                c.stageDue, time.now());
        Instant closes = TaskKind.COMMENT_WINDOW.is(c.stage) ? c.stageDue : null;
        return new ReportView(report, c.reportDisclosedAt, closes, open && mine == null,
                mine == null ? null : views.text(c, mine.statement), mine == null ? null : mine.commentedAt);
    }

    /** The parties' comments, in the order they came, as this reader is shown text. */
    List<CommentView> comments(CaseFile c, UnaryOperator<String> shown) {
        return ReportComment.of(c.id).stream()
                .map(rc -> new CommentView(rc.party, shown.apply(views.text(c, rc.statement)), rc.commentedAt)).toList();
    }

    /** Strikes from the text everyone this reader is not to see named. */
    String redactedFor(Member reader, CaseFile c, Party party, String text, List<Member> joined) {
        if (text == null) {
            return null;
        }
        List<ReportRedaction.Struck> struck = new ArrayList<>();
        List<Member> complainants = new ArrayList<>();
        if (c.complainant != null) {
            complainants.add(c.complainant);
        }
        complainants.addAll(joined);
        Set<Long> partyIds = new HashSet<>();
        complainants.forEach(other -> partyIds.add(other.id));
        if (c.respondent != null) {
            partyIds.add(c.respondent.id);
        }
        for (Member other : complainants) {
            if (party == Party.RESPONDENT) {
                // the first complainant is named to the respondent unless anonymity was granted (decision 0029)
                if (!(other.equals(c.complainant) && identity.nameForRespondent(c) != null)) {
                    struck.add(struck(other, THE_COMPLAINANT));
                }
            } else if (!other.id.equals(reader.id)) {
                struck.add(struck(other, ANOTHER_COMPLAINANT));
            }
        }
        // anyone else named in the report by their full name is a third party
        namedIn(c.ref, c.investigationReport, text).stream().filter(other -> !partyIds.contains(other.id()))
                .forEach(other -> struck.add(other.struck()));
        return ReportRedaction.forReader(text, struck);
    }

    /** A member the report names, as struck for a third party. */
    private record Named(Long id, ReportRedaction.Struck struck) {
    }

    private record NamedIn(String sealed, long until, List<Named> members) {
    }

    static final long NAMED_TTL_NANOS = 30_000_000_000L;
    static final int NAMED_MAX = 10_000;
    private final Map<String, NamedIn> named = new ConcurrentHashMap<>();

    /**
     * The members whose full name the report contains. Finding them reads every member's name (no
     * index answers "which names does this text contain"), so each report's answer is remembered for
     * 30 s, as MemberLogins remembers logins: a case's views within that time read it from memory.
     * Remembered by the report as stored (sealed), so no plain text is kept and a new report is read afresh.
     */
    private List<Named> namedIn(String ref, String sealed, String text) {
        long now = System.nanoTime();
        NamedIn known = named.get(ref);
        if (known != null && java.util.Objects.equals(known.sealed(), sealed) && now - known.until() < 0) {
            return known.members();
        }
        List<Named> found = Member.<Member>list("locate(lower(displayName), ?1) > 0", text.toLowerCase(Locale.ROOT))
                .stream().map(m -> new Named(m.id, struck(m, SOMEONE_ELSE))).toList();
        if (named.size() >= NAMED_MAX) {
            named.clear();
        }
        named.put(ref, new NamedIn(sealed, now + NAMED_TTL_NANOS, found));
        return found;
    }

    private static ReportRedaction.Struck struck(Member m, String role) {
        return new ReportRedaction.Struck(m.displayName, java.util.Arrays.asList(m.membershipNumber, m.username, m.email),
                role);
    }
}
