package org.evenhand.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.evenhand.casework.CaseFile;
import org.evenhand.common.ProblemException;
import org.evenhand.common.TimeSource;
import org.evenhand.identity.Handler;
import org.evenhand.identity.Member;
import org.evenhand.trail.ActionTrail;
import org.evenhand.web.Formats;

/**
 * Subject access (UK GDPR Art. 15): everything held about a member in one ZIP: data.json, index.txt
 * (what the pack holds, and what it leaves out under which exemption) and the files they gave. The
 * cases and evidence are {@link CasesInPack}'s; data other features keep apart (the fairness audit's
 * declaration and consent record) comes through the {@link PackSection} port, which privacy never
 * reads around (decision 0041).
 */
@ApplicationScoped
public class SubjectAccessService {

    /** One line of the pack's index: where, what, and (for what is left out) why. */
    public record IndexLine(String where, String what, String why) {
    }

    /** A section the pack holds: its key in data.json, its title, how many entries. */
    public record Included(String section, String title, int entries) {
    }

    /** The pack's index as index.txt shows it. */
    public record IndexPage(String made, List<IndexLine> included, List<IndexLine> withheld) {
    }

    /** A pack before it is zipped: its data, its files, its index and what it withholds. */
    record Assembled(Map<String, Object> data, Map<String, byte[]> files, IndexPage index,
            List<Withholding.Withheld> withheld) {
    }

    @CheckedTemplate(basePath = "SubjectAccessPack")
    static class Templates {
        static native TemplateInstance index(IndexPage page);
    }

    @Inject
    CasesInPack casesInPack;
    @Inject
    Instance<PackSection> sections;
    @Inject
    PrivacyWords words;
    @Inject
    ActionTrail trail;
    @Inject
    TimeSource time;
    @Inject
    EntityManager em;
    @Inject
    ObjectMapper json;

    /** The pack for a member by number, for the DPO (404 when there is no such member). */
    @Transactional
    public DataPack packOf(String membershipNumber, String requestedBy) {
        Member m = Member.byMembershipNumber(membershipNumber)
                .orElseThrow(() -> ProblemException.notFound("member " + membershipNumber));
        return new DataPack(pack(m, requestedBy), m.membershipNumber);
    }

    /** A member's own pack. */
    @Transactional
    public DataPack packFor(Member m) {
        return new DataPack(pack(m, m.username), m.membershipNumber);
    }

    @Transactional
    public byte[] pack(Member m, String requestedBy) {
        Assembled a = assemble(m, requestedBy);
        trail.record(requestedBy, "subject-access-export", null, "pack for member " + m.id);
        return zip(a);
    }

    /** What a pack made now would withhold, and why (for the DPO's review before marking a request answered). */
    @Transactional
    public List<Withholding.Withheld> withheldFrom(Member m, String requestedBy) {
        return assemble(m, requestedBy).withheld();
    }

    Assembled assemble(Member m, String requestedBy) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("generatedAt", time.now());
        data.put("about", words.packAbout());
        Map<String, Object> member = new LinkedHashMap<>();
        member.put("membershipNumber", m.membershipNumber);
        member.put("displayName", m.displayName);
        member.put("email", String.valueOf(m.email));
        member.put("clp", m.clp);
        member.put("region", m.region);
        member.put("joinedOn", m.joinedOn);
        member.put("status", m.status); // active or lapsed, as the membership system says (decision 0039)
        member.put("language", String.valueOf(m.language));
        CasesInPack.Contents contents = casesInPack.of(m, requestedBy);
        List<Map<String, Object>> log = logEntries(m, contents.all());
        List<Included> included = new ArrayList<>(List.of(
                new Included("member", words.sectionMember(), 1),
                new Included("cases", words.sectionCases(), contents.cases().size()),
                new Included("evidenceYouGave", words.sectionEvidenceGiven(), contents.evidenceGiven().size()),
                new Included("evidenceAboutYou", words.sectionEvidenceAbout(), contents.evidenceAbout().size()),
                new Included("logEntries", words.sectionLog(), log.size())));
        if (!contents.files().isEmpty()) {
            included.add(new Included("files/", words.sectionFiles(), contents.files().size()));
        }
        Map<String, Object> more = new LinkedHashMap<>();
        for (PackSection section : sections) {
            section.about(m).ifPresent(p -> {
                more.put(p.key(), p.content());
                included.add(new Included(p.key(), p.title(), p.entries()));
            });
        }
        List<Withholding.Withheld> withheld = Withholding.forPack(contents.facts());
        data.put("index", Map.of("included", included, "withheld", withheld.stream().map(this::withheldEntry).toList()));
        data.put("member", member);
        data.put("cases", contents.cases());
        data.put("evidenceYouGave", contents.evidenceGiven());
        data.put("evidenceAboutYou", contents.evidenceAbout());
        data.put("logEntries", log);
        data.putAll(more);
        IndexPage index = new IndexPage(words.indexMade(Formats.when(time.now()), m.membershipNumber),
                included.stream().map(i -> new IndexLine(i.section(), i.title(), words.entries(i.entries()))).toList(),
                withheld.stream().map(this::line).toList());
        return new Assembled(data, contents.files(), index, withheld);
    }

    private Map<String, Object> withheldEntry(Withholding.Withheld w) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("caseRef", w.caseRef());
        e.put("what", w.what().code());
        e.put("description", describe(w));
        if (w.count() != null) {
            e.put("count", w.count());
        }
        e.put("exemption", w.exemption().code());
        e.put("exemptionText", why(w.exemption()));
        return e;
    }

    /** A line of the pack's index for one thing left out (also what the DPO reviews and the history shows). */
    IndexLine line(Withholding.Withheld w) {
        return new IndexLine(w.caseRef() == null ? words.onEveryCase() : words.onCase(w.caseRef()), describe(w),
                why(w.exemption()));
    }

    /** The same for what an answered request recorded. */
    IndexLine line(SubjectAccessRequests.WithheldRecord r) {
        return line(new Withholding.Withheld(r.caseRef(), Withholding.What.of(r.what()),
                Withholding.Exemption.of(r.exemption()), r.count()));
    }

    /** What was left out, in words. */
    String describe(Withholding.Withheld w) {
        return switch (w.what()) {
            case COMPLAINANT_IDENTITY -> words.whatComplainantIdentity();
            case OTHER_COMPLAINANTS -> words.whatOtherComplainants(w.count());
            case RESPONDENT_IDENTITY -> words.whatRespondentIdentity();
            case COMPLAINANTS_FILES -> words.whatComplainantsFiles(w.count());
            case STAFF_NAMES -> words.whatStaffNames();
        };
    }

    /** The exemption relied on, in words. */
    String why(Withholding.Exemption e) {
        return switch (e) {
            case THIRD_PARTY -> words.exemptionThirdParty();
        };
    }

    /** What the log says you did, what was done on your cases (by role, not name), and who read your evidence. */
    private List<Map<String, Object>> logEntries(Member m, List<CaseFile> cases) {
        List<String> staffNames = Handler.<Handler>listAll().stream().map(h -> h.username).toList();
        List<Map<String, Object>> out = new ArrayList<>();
        List<String> refs = cases.stream().map(c -> c.ref).toList();
        // the two parties of each case; what other complainants who joined a case did is about them, not you
        Map<String, Set<String>> parties = CasesInPack.parties(cases);
        for (ActionTrail.Logged e : trail.byActorOrCases(m.username, refs)) {
            String who = e.actor().equals(m.username) ? "you" : staffNames.contains(e.actor()) ? "staff"
                    : "process".equals(e.actor()) || "system".equals(e.actor()) ? "the process" : "another person";
            if ("another person".equals(who)
                    && !parties.getOrDefault(String.valueOf(e.caseRef()), Set.of()).contains(e.actor())) {
                continue;
            }
            out.add(Map.of("at", e.at(), "by", who, "action", e.action(), "caseRef", String.valueOf(e.caseRef())));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> reads = em.createNativeQuery("""
                SELECT r.evidence_id, r.capacity, r.read_at FROM evidence_reads r
                JOIN evidence_items i ON i.id = r.evidence_id WHERE i.submitted_by = ?1 ORDER BY r.id""")
                .setParameter(1, m.id).getResultList();
        for (Object[] row : reads) {
            out.add(Map.of("at", row[2], "by", String.valueOf(row[1]), "action", "read your evidence item " + row[0]));
        }
        return out;
    }

    private byte[] zip(Assembled a) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("data.json"));
            zip.write(json.copy().enable(SerializationFeature.INDENT_OUTPUT)
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).writeValueAsBytes(a.data()));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("index.txt"));
            zip.write(Templates.index(a.index()).render().getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            for (Map.Entry<String, byte[]> f : a.files().entrySet()) {
                zip.putNextEntry(new ZipEntry(f.getKey()));
                zip.write(f.getValue());
                zip.closeEntry();
            }
            zip.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static java.time.Instant instant(Object o) {
        return o instanceof java.sql.Timestamp t ? t.toInstant() : o instanceof java.time.OffsetDateTime d ? d.toInstant()
                : (java.time.Instant) o;
    }

    /** Strikes a third party's names, username, membership number and email from free text, after {@code first}. */
    static final class Redactor {
        private final org.evenhand.common.NameRedaction redaction;
        private final java.util.function.UnaryOperator<String> first;

        Redactor(Member other, java.util.function.UnaryOperator<String> first) {
            this.first = first;
            redaction = other == null ? new org.evenhand.common.NameRedaction(null, List.of(), "")
                    : new org.evenhand.common.NameRedaction(other.displayName,
                            java.util.Arrays.asList(other.membershipNumber, other.username, other.email), "[third party]");
        }

        String apply(String text) {
            return redaction.apply(first.apply(text));
        }
    }
}
