package org.evenhand.casework;

import java.util.List;

/** What triage needs to know about the case's evidence; implemented by the evidence feature. */
public interface EvidenceGate {

    /** Items about the respondent still in use whose lawful basis staff have not yet recorded. */
    List<Long> itemsLackingLawfulBasis(CaseFile c);
}
