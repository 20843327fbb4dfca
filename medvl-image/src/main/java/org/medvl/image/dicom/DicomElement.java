package org.medvl.image.dicom;

import java.util.List;

/**
 * One attribute of a dataset: a value (bytes in the dataset's byte order), a sequence of items, or encapsulated
 * pixel data (fragments, the first being the Basic Offset Table).
 *
 * @param tag (group << 16) | element
 * @param vr value representation (UN when implicit VR and the tag is not in medvl's dictionary)
 * @param value the value bytes; empty for sequences and encapsulated pixel data
 * @param items sequence items, empty unless {@code vr == SQ}
 * @param fragments encapsulated pixel data fragments, null unless encapsulated
 */
public record DicomElement(int tag, Vr vr, byte[] value, List<DicomDataset> items, List<byte[]> fragments) {
    private static final byte[] EMPTY = new byte[0];

    public DicomElement {
        value = value == null ? EMPTY : value;
        items = items == null ? List.of() : items;
    }

    public static DicomElement ofValue(int tag, Vr vr, byte[] value) {
        return new DicomElement(tag, vr, value, null, null);
    }

    public static DicomElement ofSequence(int tag, List<DicomDataset> items) {
        return new DicomElement(tag, Vr.SQ, null, items, null);
    }

    public static DicomElement ofFragments(int tag, Vr vr, List<byte[]> fragments) {
        return new DicomElement(tag, vr, null, null, fragments);
    }

    public boolean isSequence() {
        return vr == Vr.SQ;
    }

    public boolean isEncapsulated() {
        return fragments != null;
    }

    public int group() {
        return tag >>> 16;
    }

    /** True for private attributes (odd group numbers, PS3.5 7.8). */
    public boolean isPrivate() {
        return (group() & 1) == 1;
    }

    /** The tag as {@code (gggg,eeee)}. */
    public static String tagString(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** Never prints the value: values may identify a patient. */
    @Override
    public String toString() {
        return tagString(tag) + " " + vr + (isSequence() ? " items=" + items.size()
                : isEncapsulated() ? " fragments=" + fragments.size() : " " + value.length + " bytes");
    }
}
