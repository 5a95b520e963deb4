package org.evenhand.crypto;

/** Stored ciphertext was altered or corrupted: never returned as data, always reported. */
public class IntegrityException extends RuntimeException {
    public IntegrityException(String message) {
        super(message);
    }
}
