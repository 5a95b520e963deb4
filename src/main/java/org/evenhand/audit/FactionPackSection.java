package org.evenhand.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.evenhand.identity.Member;
import org.evenhand.privacy.PackSection;

/**
 * The member's own faction declaration (the value, when and under which notice it was given) and its
 * whole consent record, for their subject access pack (decision 0041). The audit fills this section
 * itself through privacy's port, so faction data still leaves this package only to the member it is
 * about (and to the DPO answering their request); the pack's other sections never see it.
 */
@ApplicationScoped
public class FactionPackSection implements PackSection {

    static final String KEY = "fairnessAudit";

    /** The declaration as the pack shows it: the value and its label, the notice and purpose, the dates. */
    public record Declared(String faction, String shownAs, String noticeVersion, String purpose, Instant declaredAt,
            Instant updatedAt) {
    }

    @Inject
    FactionService factions;
    @Inject
    AuditPackWords words;

    @Override
    public Optional<Part> about(Member m) {
        FactionService.State s = factions.state(m);
        if (s.declaration().isEmpty() && s.consents().isEmpty()) {
            return Optional.empty();
        }
        Declared declared = s.declaration().map(d -> new Declared(d.faction, AuditViews.group(d.faction),
                d.noticeVersion, d.purpose, d.declaredAt, d.updatedAt)).orElse(null);
        List<Map<String, Object>> consents = s.consents().stream().map(c -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("event", c.event());
            e.put("noticeVersion", c.noticeVersion());
            e.put("purpose", c.purpose());
            e.put("at", c.at());
            return e;
        }).toList();
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("about", words.about());
        content.put("declaration", declared);
        content.put("consentRecord", consents);
        return Optional.of(new Part(KEY, words.title(),
                content, (declared == null ? 0 : 1) + consents.size()));
    }
}
