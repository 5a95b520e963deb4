package org.evenhand.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Sealing for what is held briefly before any case exists (a file chosen on the filing form, held
 * while the member checks their complaint: decision 0037), under a key derived from the master key
 * for this purpose alone. What is sealed here is deleted within the hour, so it needs no key of its
 * own to be shredded.
 */
@ApplicationScoped
public class HoldingVault {

    @Inject
    Subkeys subkeys;

    private Sealer sealer;

    @PostConstruct
    void init() {
        sealer = new Sealer(subkeys.forPurpose("held-before-sending"));
    }

    public byte[] seal(byte[] plain) {
        return sealer.seal(plain);
    }

    public byte[] open(byte[] sealed) {
        return sealer.open(sealed);
    }

    public String sealText(String plain) {
        return sealer.sealText(plain);
    }

    public String openText(String sealed) {
        return sealer.openText(sealed);
    }
}
