package org.evenhand.audit;

import static org.evenhand.audit.PdfText.call;
import static org.evenhand.audit.PdfText.interval;
import static org.evenhand.audit.PdfText.num;
import static org.evenhand.audit.PdfText.p;
import static org.evenhand.audit.PdfText.pct;
import static org.evenhand.audit.PdfText.show;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.evenhand.audit.FairnessReport.Confidence;
import org.evenhand.audit.FairnessReport.ConfidenceGroup;
import org.evenhand.audit.FairnessReport.ConfidenceQuestion;
import org.evenhand.audit.FairnessReport.ConfidenceRole;

/** The report's PDF section on confidence in the process: what it is, the terms in a line each, a table per question. */
final class ConfidencePdf {

    private ConfidencePdf() {
    }

    static void write(ReportPdf pdf, Confidence c) throws IOException {
        if (c == null) {
            return;
        }
        pdf.heading("Confidence in the process");
        pdf.para(c.description() + (c.quarters().isEmpty() ? "" : " Quarters counted: " + String.join(", ",
                c.quarters()) + "."), 8);
        for (String term : c.terms()) {
            pdf.para("- " + term, 8);
        }
        for (ConfidenceRole role : c.roles()) {
            pdf.subheading("As " + role.role() + "s: " + role.description());
            for (ConfidenceQuestion q : role.questions()) {
                List<String[]> rows = new ArrayList<>();
                for (ConfidenceGroup g : q.groups()) {
                    rows.add(new String[] { AuditViews.confidenceGroup(g.group()), show(g.answers()), show(g.agree()),
                            pct(g.share()), num(g.mean(), 2),
                            g.comparison() == null ? "" : interval(g.comparison().ratio(), g.comparison().ciLower(),
                                    g.comparison().ciUpper()),
                            g.withinBands() == null ? "" : interval(g.withinBands().riskRatio(),
                                    g.withinBands().ciLower(), g.withinBands().ciUpper())
                                    + (g.withinBands().cmhPAdjusted() == null ? ""
                                            : " adj. p " + p(g.withinBands().cmhPAdjusted())),
                            g.withinBands() == null ? "" : call(g.withinBands().verdict()) });
                }
                pdf.para("\"" + q.label() + "\"", 9);
                pdf.table(new String[] { "Group", "Answers", "Agree", "Share agreeing", "Mean (1-5)",
                        "Ratio to rest (95% CI)", "Within outcome bands (MH)", "Call" },
                        new float[] { 80, 50, 45, 55, 50, 95, 95, 45 }, rows);
                if (q.acrossFactions() != null) {
                    pdf.para("Across all factions: " + q.acrossFactions().reason() + ".", 8);
                }
            }
        }
        if (c.disclosure() != null) {
            pdf.para(c.disclosure().rule() + " In this section: " + c.disclosure().primary() + " counts suppressed as"
                    + " small, " + c.disclosure().secondary() + " more to protect them.", 8);
        }
    }
}
