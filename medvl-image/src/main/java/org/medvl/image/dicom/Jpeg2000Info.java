package org.medvl.image.dicom;

/** Reads the SIZ marker segment of a JPEG 2000 codestream (ISO/IEC 15444-1 A.5.1) for the first component's sign. */
final class Jpeg2000Info {
    private Jpeg2000Info() {
    }

    /** Whether component 0 is signed, or null when no SIZ segment is found in the first bytes. */
    static Boolean signed(byte[] s) {
        int limit = Math.min(s.length - 41, 4096);
        for (int p = 0; p < limit; p++) {
            if ((s[p] & 0xFF) == 0xFF && (s[p + 1] & 0xFF) == 0x51) {
                int ssiz = s[p + 40] & 0xFF; // marker, Lsiz, Rsiz, 8 x 32-bit sizes, Csiz, then Ssiz(0)
                return (ssiz & 0x80) != 0;
            }
        }
        return null;
    }
}
