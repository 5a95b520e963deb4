package org.evenhand.audit;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDMarkedContent;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * Tags the report's PDF for screen readers: the document is marked as tagged, in British English,
 * with its title shown; every piece of content drawn is in a structure element (headings, paragraphs,
 * table rows and cells, figures with their alternative text) in reading order; page numbers and
 * chart bars are artifacts.
 */
final class PdfTags {

    private final PDStructureTreeRoot root = new PDStructureTreeRoot();
    private final PDStructureElement document;
    private final Map<PDPage, List<PDStructureElement>> parents = new LinkedHashMap<>();

    PdfTags(PDDocument doc) {
        PDDocumentCatalog catalog = doc.getDocumentCatalog();
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        catalog.setLanguage("en-GB");
        PDViewerPreferences prefs = new PDViewerPreferences(new COSDictionary());
        prefs.setDisplayDocTitle(true);
        catalog.setViewerPreferences(prefs);
        catalog.setStructureTreeRoot(root);
        document = new PDStructureElement("Document", root);
        root.appendKid(document);
    }

    /** A structure element under the document (or under a parent such as a table). */
    PDStructureElement element(String type, PDStructureElement parent) {
        PDStructureElement e = new PDStructureElement(type, parent == null ? document : parent);
        (parent == null ? document : parent).appendKid(e);
        return e;
    }

    /** Starts content that belongs to this element on this page; end it with {@link #end}. */
    void begin(PDPageContentStream out, PDPage page, PDStructureElement e) throws IOException {
        List<PDStructureElement> onPage = parents.computeIfAbsent(page, p -> new ArrayList<>());
        int mcid = onPage.size();
        onPage.add(e);
        COSDictionary props = new COSDictionary();
        props.setInt(COSName.MCID, mcid);
        out.beginMarkedContent(COSName.getPDFName(e.getStructureType()), PDPropertyList.create(props));
        e.setPage(page);
        e.appendKid(PDMarkedContent.create(COSName.getPDFName(e.getStructureType()), props));
    }

    void end(PDPageContentStream out) throws IOException {
        out.endMarkedContent();
    }

    void artifact(PDPageContentStream out) throws IOException {
        out.beginMarkedContent(COSName.ARTIFACT);
    }

    /** Writes the parent tree (which element each marked content of each page belongs to). */
    void finish() {
        Map<Integer, COSObjectable> numbers = new LinkedHashMap<>();
        int key = 0;
        for (Map.Entry<PDPage, List<PDStructureElement>> e : parents.entrySet()) {
            COSArray array = new COSArray();
            e.getValue().forEach(x -> array.add(x.getCOSObject()));
            e.getKey().setStructParents(key);
            numbers.put(key++, () -> array);
        }
        PDNumberTreeNode tree = new PDNumberTreeNode(COSObjectable.class);
        tree.setNumbers(numbers);
        root.setParentTree(tree);
        root.setParentTreeNextKey(key);
    }
}
