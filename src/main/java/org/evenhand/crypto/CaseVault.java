package org.evenhand.crypto;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.evenhand.common.TimeSource;

/**
 * Encryption at rest, one key per case. Each case key is random, stored only wrapped under the
 * master key (from the environment). Destroying a case's wrapped key makes everything sealed
 * under it unreadable, even with the master key: crypto-shredding.
 */
@ApplicationScoped
public class CaseVault {

    static final String PREFIX = "ev1:";

    @Inject
    CryptoConfig config;
    @Inject
    EntityManager em;
    @Inject
    TimeSource time;
    @Inject
    TransactionSynchronizationRegistry transactions;

    private static final String HMAC = "HmacSHA256";
    private final SecureRandom random = new SecureRandom();
    /** Derived from the master key; keys the fingerprints that identify content without storing it. */
    private javax.crypto.SecretKey fingerprintKey;
    /** Wraps case keys written before V7 (PBKDF2 at 1000 iterations); only opens them now. */
    private Sealer master;
    /**
     * Wraps case keys: a key derived from the master key by HMAC-SHA256 (a random 256-bit key needs
     * no stretching), at data-key speed: about 10 µs a case instead of about 1 ms (docs/decisions/0005).
     */
    private Sealer wrapper;
    static final byte WRAP_V2 = 2;
    /** Unwrapped keys, revalidated against the database after a minute so a shred on another node takes effect. */
    private Map<String, Cached> cache;
    /**
     * Counts committed shreds. A reader that loaded a key before a shred committed (it still saw the
     * old row) caches it only if no shred committed meanwhile; checked and written under the cache's lock.
     */
    private long shredsCommitted;

    private record Cached(Sealer sealer, long loadedAt) {
    }

    private static final long REVALIDATE_NANOS = 60_000_000_000L;

    @PostConstruct
    void init() {
        byte[] key = masterKey(config.masterKey());
        master = masterSealer(key);
        wrapper = wrapSealer(key);
        fingerprintKey = new javax.crypto.spec.SecretKeySpec(hmac(new javax.crypto.spec.SecretKeySpec(key, HMAC),
                "evenhand.fingerprint.v1".getBytes(java.nio.charset.StandardCharsets.UTF_8)), HMAC);
        int size = config.cachedKeys();
        cache = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Cached> eldest) {
                return size() > size;
            }
        });
    }

    /** Creates the case's key; called once when the case is opened. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void createKey(String caseRef) {
        byte[] key = new byte[32];
        random.nextBytes(key);
        // the table it writes, named: a native write naming none makes Hibernate empty its whole second-level cache
        em.createNativeQuery("INSERT INTO case_keys (case_ref, wrapped_key, created_at) VALUES (?1, ?2, ?3)")
                .unwrap(org.hibernate.query.NativeQuery.class).addSynchronizedQuerySpace("case_keys").setFlushMode(jakarta.persistence.FlushModeType.COMMIT).setParameter(1, caseRef).setParameter(2, wrap(key)).setParameter(3, time.now())
                .executeUpdate();
        cache.put(caseRef, new Cached(new Sealer(key), System.nanoTime()));
    }

    /** The master key's 32 bytes from its base64 setting. */
    static byte[] masterKey(String base64) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("evenhand.crypto.master-key is not base64");
        }
        if (key.length != 32) {
            throw new IllegalStateException("evenhand.crypto.master-key must be 32 bytes (base64), got " + key.length);
        }
        return key;
    }

    static Sealer masterSealer(byte[] masterKey) {
        return new Sealer(masterKey, Sealer.MASTER_KEY_ITERATIONS);
    }

    static Sealer wrapSealer(byte[] masterKey) {
        return new Sealer(hmac(new javax.crypto.spec.SecretKeySpec(masterKey, HMAC),
                "evenhand.key-wrap.v2".getBytes(java.nio.charset.StandardCharsets.UTF_8)), Sealer.DATA_KEY_ITERATIONS);
    }

    /** A case key wrapped for storage: the format byte, then the key sealed under the wrapping key. */
    byte[] wrap(byte[] caseKey) {
        byte[] sealed = wrapper.seal(caseKey);
        byte[] out = new byte[1 + sealed.length];
        out[0] = WRAP_V2;
        System.arraycopy(sealed, 0, out, 1, sealed.length);
        return out;
    }

    /** A stored case key: wrapped by {@link #wrap}, or (keys from before V7) sealed directly under the master key. */
    byte[] unwrap(byte[] stored) {
        return unwrap(wrapper, master, stored);
    }

    static byte[] unwrap(Sealer wrapper, Sealer master, byte[] stored) {
        if (stored.length > 0 && stored[0] == WRAP_V2) {
            return wrapper.open(java.util.Arrays.copyOfRange(stored, 1, stored.length));
        }
        return master.open(stored);
    }

    /**
     * A keyed fingerprint (HMAC-SHA256 under a key derived from the master key, base64url) of an
     * already normalised value: equal values give equal fingerprints, but the stored fingerprint
     * cannot be used to confirm a guessed value without the master key.
     */
    public String fingerprint(String purpose, String normalised) {
        byte[] mac = hmac(fingerprintKey, (purpose + "\u0000" + normalised).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }

    private static byte[] hmac(javax.crypto.SecretKey key, byte[] data) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(data);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String seal(String caseRef, String plain) {
        return plain == null ? null : PREFIX + sealer(caseRef).sealText(plain);
    }

    public String open(String caseRef, String sealed) {
        if (sealed == null) {
            return null;
        }
        if (!sealed.startsWith(PREFIX)) {
            throw new IntegrityException("stored value of case " + caseRef + " is not sealed");
        }
        return sealer(caseRef).openText(sealed.substring(PREFIX.length()));
    }

    public List<String> open(String caseRef, List<String> sealed) {
        return sealed == null ? List.of() : sealed.stream().map(s -> open(caseRef, s)).toList();
    }

    public byte[] sealBytes(String caseRef, byte[] plain) {
        return sealer(caseRef).seal(plain);
    }

    public byte[] openBytes(String caseRef, byte[] sealed) {
        return sealer(caseRef).open(sealed);
    }

    public boolean isErased(String caseRef) {
        List<?> row = em.createNativeQuery("SELECT wrapped_key IS NULL FROM case_keys WHERE case_ref = ?1")
                .setParameter(1, caseRef).getResultList();
        return row.isEmpty() || Boolean.TRUE.equals(row.get(0));
    }

    /** Destroys the case's key: everything sealed under it is unreadable from now on. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void shred(String caseRef) {
        em.createNativeQuery("UPDATE case_keys SET wrapped_key = NULL, shredded_at = ?2 WHERE case_ref = ?1"
                + " AND wrapped_key IS NOT NULL").setParameter(1, caseRef).setParameter(2, time.now()).executeUpdate();
        cache.remove(caseRef);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    synchronized (cache) {
                        shredsCommitted++;
                        cache.remove(caseRef);
                    }
                }
            }
        });
    }

    private Sealer sealer(String caseRef) {
        Cached c = cache.get(caseRef);
        if (c != null && System.nanoTime() - c.loadedAt() < REVALIDATE_NANOS) {
            return c.sealer();
        }
        long shredsBefore;
        synchronized (cache) {
            shredsBefore = shredsCommitted;
        }
        List<?> row = em.createNativeQuery("SELECT wrapped_key FROM case_keys WHERE case_ref = ?1")
                .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).setParameter(1, caseRef).getResultList();
        if (row.isEmpty() || row.get(0) == null) {
            throw new ErasedException(caseRef);
        }
        Sealer s = new Sealer(unwrap((byte[]) row.get(0)));
        synchronized (cache) {
            if (shredsCommitted == shredsBefore) {
                cache.put(caseRef, new Cached(s, System.nanoTime()));
            }
        }
        return s;
    }
}
