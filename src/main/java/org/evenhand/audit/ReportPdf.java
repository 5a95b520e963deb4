package org.evenhand.audit;

import static org.evenhand.audit.PdfText.call;
import static org.evenhand.audit.PdfText.cap;
import static org.evenhand.audit.PdfText.clean;
import static org.evenhand.audit.PdfText.interval;
import static org.evenhand.audit.PdfText.num;
import static org.evenhand.audit.PdfText.p;
import static org.evenhand.audit.PdfText.pct;
import static org.evenhand.audit.PdfText.show;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.evenhand.audit.FairnessReport.GroupRate;
import org.evenhand.audit.FairnessReport.RateMetric;
import org.evenhand.audit.FairnessReport.RoleSection;
import org.evenhand.audit.stats.Comparison;
import org.evenhand.audit.stats.Verdict;

/** The report as a PDF for publishing (Apache PDFBox): summary, tables, method and disclosure notes. */
final class ReportPdf {


    private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private static final float MARGIN = 40;
    private static final PDRectangle SIZE = PDRectangle.A4;

    private final PDDocument doc = new PDDocument();
    private final PdfTags tags = new PdfTags(doc);
    private PDPage page;
    private PDPageContentStream out;
    private float y;
    private int pages;

    private ReportPdf() {
    }

    static byte[] render(FairnessReport r) {
        ReportPdf pdf = new ReportPdf();
        try {
            pdf.write(r);
            return pdf.finish(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(FairnessReport r) throws IOException {
        newPage();
        text(r.title(), BOLD, 15);
        y -= 4;
        FairnessReport.Parameters p = r.parameters();
        para("Complaints received " + p.from() + " to " + p.to() + " (" + p.timeZone() + ")"
                + (p.region() == null ? "" : ", region " + p.region()) + (p.clp() == null ? "" : ", CLP " + p.clp())
                + ". Made " + r.generatedAt() + " by " + r.generatedBy() + ".", 9);
        para("Data SHA-256: " + r.dataSha256(), 8);
        StringBuilder v = new StringBuilder("Definition versions: ");
        for (FairnessReport.DefinitionVersionRef d : r.definitionVersions()) {
            v.append(d.id()).append(" (from ").append(d.effectiveFrom()).append(d.inForceDuringPeriod()
                    ? ", in force in the period" : "").append(", sha256 ").append(d.sha256(), 0,
                            Math.min(12, d.sha256().length())).append("...)  ");
        }
        para(v.toString(), 8);
        para("Rules: counts under " + p.suppressionThreshold() + " suppressed; a comparison needs "
                + p.minimumGroupSize() + " cases a side; flagged when the ratio is outside " + p.bandLower() + "-"
                + p.bandUpper() + " and its " + Math.round(p.confidence() * 100)
                + "% interval excludes 1. Counter-complaint window " + p.counterComplaintWindowDays()
                + " days (conduct within " + p.conductWindowDays() + " days). Complaints analysed: "
                + show(r.casesAnalysed()) + ".", 8);
        heading("Findings");
        for (String f : r.findings()) {
            para("- " + f, 9);
        }
        heading("Members by declared faction");
        table(new String[] { "Group", "Members" }, new float[] { 200, 80 },
                r.population().stream().map(x -> new String[] { x.group(), show(x.members()) }).toList());
        for (RoleSection role : r.roles()) {
            heading("As " + role.role() + "s: " + role.description());
            chart(role);
            for (RateMetric m : role.rates()) {
                subheading(m.label() + (m.stratifiedBy() == null ? "" : " (strata: severity tier and clause, by "
                        + m.stratifiedBy() + ")"));
                para(m.description(), 8);
                List<String[]> rows = new ArrayList<>();
                for (GroupRate g : m.groups()) {
                    Comparison c = g.comparison();
                    rows.add(new String[] { g.group(), show(g.numerator()), show(g.denominator()),
                            m.id().equals("complaints") ? num(g.rate(), 2) : pct(g.rate()),
                            c == null ? "" : interval(c.ratio(), c.ciLower(), c.ciUpper()),
                            c == null || c.pValue() == null ? "" : p(c.pValue()),
                            g.byClause() == null ? "" : interval(g.byClause().riskRatio(), g.byClause().ciLower(),
                                    g.byClause().ciUpper()),
                            g.assessment() == null ? "" : call(g.assessment().verdict()) });
                }
                table(new String[] { "Group", cap(m.numerator()), cap(m.denominator()),
                        m.id().equals("complaints") ? "Per 1,000" : "Rate", "Ratio to rest (95% CI)", "p",
                        "Within clauses (MH)", "Call" }, new float[] { 80, 55, 55, 45, 95, 45, 95, 45 }, rows);
                likeWithLike(m);
                if (m.acrossFactions() != null) {
                    para("Across all factions: " + (m.acrossFactions().statistic() == null ? ""
                            : "chi-squared " + num(m.acrossFactions().statistic(), 2) + ", df "
                                    + m.acrossFactions().degreesOfFreedom() + ", p " + p(m.acrossFactions().pValue())
                                    + "; ") + m.acrossFactions().reason() + ".", 8);
                }
                for (GroupRate g : m.groups()) {
                    if (g.assessment() != null && (g.assessment().verdict() != Verdict.NOT_FLAGGED
                            || g.comparison() != null && g.comparison().verdict() == Verdict.FLAGGED)) {
                        para(g.group() + ": " + g.assessment().explanation(), 8);
                    }
                }
            }
            for (FairnessReport.TimeMetric t : role.times()) {
                subheading(t.label());
                table(new String[] { "Group", "Cases", "Median", "90th pct", "Median ratio", "p", "Call" },
                        new float[] { 90, 60, 60, 60, 70, 60, 90 },
                        t.groups().stream().map(g -> new String[] { g.group(), show(g.cases()), num(g.median(), 1),
                                num(g.p90(), 1), num(g.medianRatio(), 2), p(g.pValue()),
                                g.verdict() == null ? "" : call(g.verdict()) }).toList());
            }
            subheading("Sanctions among decided complaints");
            FairnessReport.SanctionTable st = role.sanctions();
            String[] head = new String[st.sanctions().size() + 2];
            float[] widths = new float[head.length];
            head[0] = "Group";
            widths[0] = 90;
            head[1] = "Decided";
            widths[1] = 55;
            for (int i = 0; i < st.sanctions().size(); i++) {
                head[i + 2] = st.sanctions().get(i);
                widths[i + 2] = (SIZE.getWidth() - 2 * MARGIN - 145) / st.sanctions().size();
            }
            List<String[]> rows = new ArrayList<>();
            for (FairnessReport.SanctionRow row : st.groups()) {
                String[] cells = new String[head.length];
                cells[0] = row.group();
                cells[1] = show(row.decided());
                for (int i = 0; i < row.counts().size(); i++) {
                    cells[i + 2] = show(row.counts().get(i));
                }
                rows.add(cells);
            }
            table(head, widths, rows);
        }
        heading("Provocation, reaction, accusation");
        para(r.provocation().description(), 8);
        table(new String[] { "Respondent's group", "First mover upheld", "Reactor upheld", "Reactor/first mover (95% CI)",
                "Call" }, new float[] { 100, 100, 100, 120, 90 },
                r.provocation().firstMoversAndReactors().stream().map(o -> new String[] { o.group(),
                        show(o.firstMoverUpheld()) + "/" + show(o.firstMoverDecided()) + " " + pct(o.firstMoverRate()),
                        show(o.reactorUpheld()) + "/" + show(o.reactorDecided()) + " " + pct(o.reactorRate()),
                        interval(o.reactorVsFirstMover().ratio(), o.reactorVsFirstMover().ciLower(),
                                o.reactorVsFirstMover().ciUpper()),
                        call(o.reactorVsFirstMover().verdict()) }).toList());
        table(new String[] { "Complainant's group", "Complaints", "Counter-complaints", "Counters upheld",
                "Drew a counter", "Those upheld" }, new float[] { 100, 70, 90, 90, 80, 80 },
                r.provocation().counterComplaints().stream().map(o -> new String[] { o.group(), show(o.complaints()),
                        show(o.counterComplaints()), show(o.countersUpheld()) + "/" + show(o.countersDecided()),
                        show(o.drewCounter()), show(o.drewCounterUpheld()) + "/" + show(o.drewCounterDecided()) })
                        .toList());
        heading("Handling time by clause and by protected characteristic");
        para(r.handlingTime().description(), 8);
        List<FairnessReport.ClauseTime> clauses = new ArrayList<>(r.handlingTime().clauses());
        clauses.add(r.handlingTime().protectedCharacteristics());
        if (r.handlingTime().byCharacteristic() != null) {
            clauses.addAll(r.handlingTime().byCharacteristic());
        }
        table(new String[] { "Clause", "Tier", "Decided", "Median", "90th pct", "Ratio to others", "p", "Call" },
                new float[] { 130, 30, 50, 50, 50, 70, 50, 85 },
                clauses.stream().map(c -> new String[] { c.clause(), c.tier() == null ? "" : c.tier().toString(),
                        show(c.decided()), num(c.median(), 1), num(c.p90(), 1), num(c.medianRatioToOthers(), 2),
                        p(c.pValue()), c.verdict() == null ? "" : call(c.verdict()) }).toList());
        if (r.interference() != null) {
            heading("Contacts about cases (interference firewall)");
            FairnessReport.Interference i = r.interference();
            para(i.description() + " Contacts: " + show(i.records()) + "; cases: " + show(i.cases()) + ".", 8);
            List<String[]> rows = new ArrayList<>();
            i.byContactKind().forEach((k, c) -> rows.add(new String[] { "made by " + k, show(c) }));
            i.byChannel().forEach((k, c) -> rows.add(new String[] { "by " + k, show(c) }));
            table(new String[] { "Contacts", "Count" }, new float[] { 150, 60 }, rows);
        }
        ConfidencePdf.write(this, r.confidence());
        heading("Disclosure control");
        para(r.disclosure().rule() + " In this report: " + r.disclosure().primary() + " counts suppressed as small, "
                + r.disclosure().secondary() + " more to protect them.", 8);
        heading("Method");
        for (String m : r.method()) {
            para("- " + m, 8);
        }
        para("Every metric and test is explained for a lay reader in docs/fairness-audit.md.", 8);
    }

    /** The comparisons within clauses (the call) and within tiers, with Breslow-Day in words. */
    private void likeWithLike(RateMetric m) throws IOException {
        if (m.stratifiedBy() == null) {
            return;
        }
        List<String[]> rows = new ArrayList<>();
        for (GroupRate g : m.groups()) {
            FairnessReport.Stratified c = g.byClause();
            if (c == null) {
                continue;
            }
            FairnessReport.Stratified t = g.byTier();
            rows.add(new String[] { g.group(), interval(c.riskRatio(), c.ciLower(), c.ciUpper()),
                    c.cmhPValue() == null ? "-" : p(c.cmhPValue()) + (c.cmhPAdjusted() == null ? ""
                            : " (adj. " + p(c.cmhPAdjusted()) + ")"),
                    t == null ? "-" : interval(t.riskRatio(), t.ciLower(), t.ciUpper()),
                    c.breslowDayPValue() == null ? "-" : (Boolean.TRUE.equals(c.heterogeneous()) ? "yes" : "no")
                            + " (p " + p(c.breslowDayPValue()) + ")",
                    c.basis() == null ? "" : c.basis() });
        }
        para("Comparing like with like: within clauses (Mantel-Haenszel, the call), within tiers (context), and"
                + " whether the disparity differs between clauses (Breslow-Day).", 8);
        table(new String[] { "Faction", "Within clauses (95% CI)", "CMH p", "Within tiers (95% CI)",
                "Clauses differ?", "Strata" }, new float[] { 60, 90, 75, 90, 70, 130 }, rows);
    }

    /** Bar charts of the main shares by group, for one role. */
    private void chart(RoleSection role) throws IOException {
        for (RateMetric m : role.rates()) {
            if (!List.of("passed-triage", "upheld", "severe-sanction").contains(m.id())) {
                continue;
            }
            List<PdfChart.Bar> bars = m.groups().stream().map(g -> new PdfChart.Bar(g.group(), g.rate())).toList();
            need(PdfChart.height(bars.size()) + 14);
            text("Chart: " + m.label() + " by group (" + role.role() + "s)", BOLD, 8, "Caption");
            var figure = tags.element("Figure", null);
            figure.setAlternateDescription("Bar chart of " + m.label().toLowerCase(Locale.UK) + " by group: "
                    + String.join("; ", bars.stream().map(b -> b.label() + " " + pct(b.rate())).toList())
                    + " (the same figures are in the table below).");
            tags.begin(out, page, figure);
            y = PdfChart.draw(out, REGULAR, MARGIN, y, SIZE.getWidth() - 2 * MARGIN, bars);
            tags.end(out);
        }
    }

    private byte[] finish(FairnessReport r) throws IOException {
        out.close();
        tags.finish();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(clean(r.title()));
        info.setAuthor("Evenhand fairness audit");
        info.setSubject("Data SHA-256 " + r.dataSha256());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        doc.save(bytes);
        doc.close();
        return bytes.toByteArray();
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        page = new PDPage(SIZE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        pages++;
        y = SIZE.getHeight() - MARGIN;
        tags.artifact(out);
        out.beginText();
        out.setFont(REGULAR, 7);
        out.newLineAtOffset(SIZE.getWidth() - MARGIN - 40, MARGIN / 2);
        out.showText("Page " + pages);
        out.endText();
        tags.end(out);
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    void heading(String s) throws IOException {
        y -= 8;
        need(30);
        text(s, BOLD, 12, "H2");
    }

    void subheading(String s) throws IOException {
        y -= 4;
        need(40);
        text(s, BOLD, 10, "H3");
    }

    private void text(String s, PDType1Font font, float size) throws IOException {
        text(s, font, size, font == BOLD ? "H1" : "P");
    }

    /** Lines of text, tagged as one element of this type (split where it runs onto a new page). */
    private void text(String s, PDType1Font font, float size, String type) throws IOException {
        var element = tags.element(type, null);
        for (String line : wrap(clean(s), font, size, SIZE.getWidth() - 2 * MARGIN)) {
            need(size + 3);
            y -= size + 3;
            tags.begin(out, page, element);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN, y);
            out.showText(line);
            out.endText();
            tags.end(out);
        }
    }

    void para(String s, float size) throws IOException {
        text(s, REGULAR, size, "P");
        y -= 2;
    }

    void table(String[] head, float[] widths, List<String[]> rows) throws IOException {
        float size = 7;
        var table = tags.element("Table", null);
        row(head, widths, BOLD, size, table, "TH");
        for (String[] r : rows) {
            row(r, widths, REGULAR, size, table, "TD");
        }
        y -= 4;
    }

    private void row(String[] cells, float[] widths, PDType1Font font, float size,
            org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement table, String cellType)
            throws IOException {
        var tr = tags.element("TR", table);
        List<List<String>> lines = new ArrayList<>();
        int height = 1;
        for (int i = 0; i < cells.length; i++) {
            List<String> l = wrap(clean(cells[i] == null ? "" : cells[i]), font, size, widths[i] - 3);
            lines.add(l);
            height = Math.max(height, l.size());
        }
        need(height * (size + 2) + 2);
        float x = MARGIN;
        for (int i = 0; i < cells.length; i++) {
            float ly = y;
            tags.begin(out, page, tags.element(cellType, tr));
            for (String line : lines.get(i)) {
                ly -= size + 2;
                out.beginText();
                out.setFont(font, size);
                out.newLineAtOffset(x, ly);
                out.showText(line);
                out.endText();
            }
            tags.end(out);
            x += widths[i];
        }
        y -= height * (size + 2) + 2;
    }

    private static List<String> wrap(String s, PDType1Font font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (font.getStringWidth(candidate) / 1000 * size <= width || line.isEmpty()) {
                line.setLength(0);
                line.append(candidate);
            } else {
                lines.add(line.toString());
                line.setLength(0);
                line.append(word);
            }
        }
        lines.add(line.toString());
        return lines;
    }
}
