package org.medvl.image.codec;

/** Corrupt or unsupported compressed data; the caller adds the file name. */
public final class CodecException extends RuntimeException {
    public CodecException(String message) {
        super(message, null, false, false);
    }
}
