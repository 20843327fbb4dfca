package org.medvl.image.dicom;

/** DICOM value representations (PS3.5 6.2) and how each is encoded. */
public enum Vr {
    AE, AS, AT, CS, DA, DS, DT, FD, FL, IS, LO, LT, OB, OD, OF, OL, OV, OW, PN, SH, SL, SQ, SS, ST, SV, TM, UC, UI,
    UL, UN, UR, US, UT, UV;

    /** Explicit VR encoding uses a 2-byte reserved field and a 4-byte length for these (PS3.5 7.1.2). */
    public boolean longLength() {
        switch (this) {
            case OB: case OD: case OF: case OL: case OV: case OW: case SQ: case SV: case UC: case UN: case UR:
            case UT: case UV:
                return true;
            default:
                return false;
        }
    }

    /** Text VRs whose values are character strings. */
    public boolean isText() {
        switch (this) {
            case AE: case AS: case CS: case DA: case DS: case DT: case IS: case LO: case LT: case PN: case SH: case ST:
            case TM: case UC: case UI: case UR: case UT:
                return true;
            default:
                return false;
        }
    }

    /** Size of one binary value, for byte swapping; 1 for byte and text VRs. */
    public int unitSize() {
        switch (this) {
            case AT: case OW: case SS: case US:
                return 2;
            case FL: case OF: case OL: case SL: case UL:
                return 4;
            case FD: case OD: case OV: case SV: case UV:
                return 8;
            default:
                return 1;
        }
    }

    /** The VR spelled by two bytes, or null when they are not a known VR. */
    public static Vr of(int b0, int b1) {
        if (b0 < 'A' || b0 > 'Z' || b1 < 'A' || b1 > 'Z') {
            return null;
        }
        try {
            return valueOf(new String(new char[] {(char) b0, (char) b1}));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
