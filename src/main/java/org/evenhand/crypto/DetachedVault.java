package org.evenhand.crypto;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Opens what a case sealed straight from a copy of the database and the master key, without the
 * application: the check after a restore that the copy and the key kept apart from it still belong
 * together (docs/operations.md, decision 0032). Reads {@code case_keys} as {@link CaseVault} does;
 * a shredded case stays unreadable here too.
 */
public final class DetachedVault {

    private final Sealer master;
    private final Sealer wrapper;

    /** @param masterKey the master key as configured (EVENHAND_MASTER_KEY: 32 bytes, base64) */
    public DetachedVault(String masterKey) {
        byte[] key = CaseVault.masterKey(masterKey);
        master = CaseVault.masterSealer(key);
        wrapper = CaseVault.wrapSealer(key);
    }

    /**
     * The plain text of a value sealed under the case's key.
     *
     * @throws ErasedException when the case's key is gone (shredded, or no such case in this copy)
     * @throws IntegrityException when the value or the wrapped key does not open under this master key
     */
    public String open(Connection db, String caseRef, String sealed) throws SQLException {
        if (sealed == null || !sealed.startsWith(CaseVault.PREFIX)) {
            throw new IntegrityException("stored value of case " + caseRef + " is not sealed");
        }
        byte[] wrapped;
        try (PreparedStatement ps = db.prepareStatement("SELECT wrapped_key FROM case_keys WHERE case_ref = ?")) {
            ps.setString(1, caseRef);
            try (ResultSet rs = ps.executeQuery()) {
                wrapped = rs.next() ? rs.getBytes(1) : null;
            }
        }
        if (wrapped == null) {
            throw new ErasedException(caseRef);
        }
        return new Sealer(CaseVault.unwrap(wrapper, master, wrapped)).openText(sealed.substring(CaseVault.PREFIX.length()));
    }
}
