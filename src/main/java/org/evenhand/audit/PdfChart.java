package org.evenhand.audit;

import java.awt.Color;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;

/**
 * A horizontal bar chart drawn straight onto a PDF page: one bar per group, its length the rate
 * (0 to 100%), the figure written at its end; a suppressed rate has no bar and says so.
 */
final class PdfChart {

    record Bar(String label, Double rate) {
    }

    static final float ROW = 9;
    private static final Color FACTION = new Color(0x1d, 0x4e, 0x89);
    private static final Color ALL = new Color(0x6b, 0x6b, 0x6b);

    private PdfChart() {
    }

    /** Height the chart needs for so many bars. */
    static float height(int bars) {
        return bars * ROW + 4;
    }

    /** Draws the bars with their top at y; returns the y below the chart. */
    static float draw(PDPageContentStream out, PDType1Font font, float x, float y, float width, List<Bar> bars)
            throws IOException {
        float labelWidth = 90;
        float barSpace = width - labelWidth - 40;
        for (Bar b : bars) {
            y -= ROW;
            out.beginText();
            out.setFont(font, 7);
            out.newLineAtOffset(x, y + 1);
            out.showText(PdfText.clean(b.label()));
            out.endText();
            String figure;
            float length = 0;
            if (b.rate() == null) {
                figure = "suppressed";
            } else {
                length = (float) Math.max(0.5, Math.min(1, b.rate()) * barSpace);
                out.setNonStrokingColor("all".equals(b.label()) ? ALL : FACTION);
                out.addRect(x + labelWidth, y, length, ROW - 2);
                out.fill();
                out.setNonStrokingColor(Color.BLACK);
                figure = String.format(Locale.UK, "%.1f%%", 100 * b.rate());
            }
            out.beginText();
            out.setFont(font, 7);
            out.newLineAtOffset(x + labelWidth + length + 3, y + 1);
            out.showText(figure);
            out.endText();
        }
        return y - 4;
    }
}
