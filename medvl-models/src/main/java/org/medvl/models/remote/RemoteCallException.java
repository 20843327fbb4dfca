package org.medvl.models.remote;

import org.medvl.core.MedvlException;

/** A request to a remote model failed after all retries; the message says why and how often it was tried. */
public final class RemoteCallException extends MedvlException {
    /** Why a call failed. */
    public enum Kind { TIMEOUT, RATE_LIMITED, SERVER_ERROR, CLIENT_ERROR, MALFORMED_RESPONSE, CONNECTION }

    private final Kind kind;

    public RemoteCallException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** Worth another attempt: time-outs, rate limits, server errors, garbled answers and dropped connections. */
    public boolean retryable() {
        return kind != Kind.CLIENT_ERROR;
    }
}
