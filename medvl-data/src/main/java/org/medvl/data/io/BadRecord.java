package org.medvl.data.io;

/** Thrown by a loader's record mapping when one record is unusable; the record is then skipped and logged. */
public final class BadRecord extends RuntimeException {
    public BadRecord(String message) {
        super(message, null, false, false);
    }
}
