package org.evenhand.privacy;

import java.util.Optional;
import org.evenhand.identity.Member;

/**
 * The port through which a feature that keeps data of its own, apart from the cases, puts it in a
 * member's subject access pack without privacy reading it (decision 0041). The fairness audit
 * implements it for the member's own declaration and its consent record: only the audit may read
 * those (ArchitectureTest: nothing outside the audit depends on it, so privacy names this interface
 * and the audit provides the bean).
 */
public interface PackSection {

    /**
     * One section of the pack: its key in data.json, its title in the pack's index, what it holds
     * (anything Jackson writes as JSON) and how many entries it has (0 when there is nothing to hold,
     * and the section then says so).
     */
    record Part(String key, String title, Object content, int entries) {
    }

    /** What this feature holds about the member, or empty when it holds nothing and never did. */
    Optional<Part> about(Member m);
}
