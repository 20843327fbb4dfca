package org.medvl.image.dicom;

import java.util.Locale;

/**
 * Transfer syntaxes medvl knows (PS3.5 10 and A.4, PS3.6 Annex A): how the dataset is encoded and which codec the
 * pixel data needs.
 */
public enum TransferSyntax {
    IMPLICIT_LE("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, Codec.NATIVE),
    EXPLICIT_LE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, Codec.NATIVE),
    DEFLATED_LE("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, Codec.NATIVE),
    EXPLICIT_BE("1.2.840.10008.1.2.2", "Explicit VR Big Endian (retired)", true, true, false, Codec.NATIVE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", true, false, false, Codec.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", true, false, false, Codec.JPEG),
    JPEG_LOSSLESS_P14("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", true, false, false,
            Codec.JPEG),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless, Process 14, First-Order Prediction (SV1)", true,
            false, false, Codec.JPEG),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", true, false, false, Codec.JPEG_LS),
    JPEG_LS_NEAR("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", true, false, false, Codec.JPEG_LS),
    JPEG2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless Only", true, false, false, Codec.JPEG2000),
    JPEG2000("1.2.840.10008.1.2.4.91", "JPEG 2000", true, false, false, Codec.JPEG2000),
    RLE_LOSSLESS("1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, Codec.RLE);

    /** How pixel data of a transfer syntax is encoded. */
    public enum Codec { NATIVE, RLE, JPEG, JPEG_LS, JPEG2000 }

    private final String uid;
    private final String title;
    private final boolean explicitVr;
    private final boolean bigEndian;
    private final boolean deflated;
    private final Codec codec;

    TransferSyntax(String uid, String title, boolean explicitVr, boolean bigEndian, boolean deflated, Codec codec) {
        this.uid = uid;
        this.title = title;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.codec = codec;
    }

    public String uid() {
        return uid;
    }

    public String title() {
        return title;
    }

    public boolean explicitVr() {
        return explicitVr;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public boolean deflated() {
        return deflated;
    }

    public Codec codec() {
        return codec;
    }

    public boolean encapsulated() {
        return codec != Codec.NATIVE;
    }

    /** The syntax with this UID, or null when medvl does not know it. */
    public static TransferSyntax ofUid(String uid) {
        String u = uid.trim().toLowerCase(Locale.ROOT);
        for (TransferSyntax t : values()) {
            if (t.uid.equals(u)) {
                return t;
            }
        }
        return null;
    }
}
