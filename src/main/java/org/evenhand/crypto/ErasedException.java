package org.evenhand.crypto;

/** The case's key has been destroyed (retention or erasure): its protected data is gone for good. */
public class ErasedException extends RuntimeException {
    public ErasedException(String caseRef) {
        super("the protected data of case " + caseRef + " has been erased");
    }
}
