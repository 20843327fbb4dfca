package org.medvl.image.deid;

import java.util.ArrayList;
import java.util.List;
import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.DicomElement;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomWriter;
import org.medvl.image.dicom.Tags;
import org.medvl.image.dicom.Vr;

/**
 * De-identifies datasets following the DICOM PS3.15 Basic Application Level Confidentiality Profile (Annex E): each
 * attribute of Table E.1-1 is removed, emptied, replaced by a dummy or (UIDs) remapped, at every nesting level;
 * private attributes, curve data and overlay data/comments are removed; Patient Identity Removed (0012,0062) = YES,
 * De-identification Method (0012,0063) and its Code Sequence (0012,0064, DCM 113100) are added. Pixel data is copied unchanged (burned-in text is not
 * detected: check Burned In Annotation (0028,0301) before sharing). One instance is one run: UIDs map consistently
 * across every file it processes. Thread-safe.
 */
public final class Deidentifier {
    public static final String METHOD = "DICOM PS3.15 E.1 Basic Application Level Confidentiality Profile (medvl)";
    private final UidRemapper uids = new UidRemapper();

    /** Counts of what was changed in one file; never the values. */
    public record Report(int removed, int emptied, int dummied, int uidsRemapped, int privateRemoved) {
        @Override
        public String toString() {
            return removed + " removed, " + emptied + " emptied, " + dummied + " replaced by dummies, " + uidsRemapped
                    + " UIDs remapped, " + privateRemoved + " private removed";
        }
    }

    /** The result: the de-identified file and what changed. */
    public record Result(DicomFile file, Report report) {
    }

    public UidRemapper uids() {
        return uids;
    }

    public Result apply(DicomFile in) {
        int[] counts = new int[5];
        DicomDataset ds = clean(in.dataset(), counts);
        ds.put(DicomWriter.text(Tags.PATIENT_IDENTITY_REMOVED, Vr.CS, "YES"));
        ds.put(DicomWriter.text(Tags.DEIDENTIFICATION_METHOD, Vr.LO, METHOD));
        DicomDataset code = new DicomDataset(ds.bigEndian()); // PS3.16 CID 7050: the profile applied
        code.put(DicomWriter.text(0x00080100, Vr.SH, "113100"));
        code.put(DicomWriter.text(0x00080102, Vr.SH, "DCM"));
        code.put(DicomWriter.text(0x00080104, Vr.LO, "Basic Application Confidentiality Profile"));
        ds.put(DicomElement.ofSequence(0x00120064, List.of(code)));
        DicomDataset meta = in.meta().copy();
        meta.remove(0x00020016); // Source Application Entity Title names a station
        meta.remove(0x00020100); // Private Information Creator UID
        meta.remove(0x00020102); // Private Information
        String sop = ds.string(Tags.SOP_INSTANCE_UID);
        if (!sop.isEmpty()) {
            meta.put(DicomWriter.text(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI, sop));
        } else if (meta.contains(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID)) {
            meta.put(DicomWriter.text(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID, Vr.UI,
                    uids.remap(meta.string(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID))));
        }
        if (!meta.contains(Tags.TRANSFER_SYNTAX_UID)) {
            meta = DicomWriter.metaFor(ds, in.transferSyntax(), meta);
        }
        DicomFile out = new DicomFile(meta, ds, in.transferSyntax(), in.transferSyntaxUid(), true);
        return new Result(out, new Report(counts[0], counts[1], counts[2], counts[3], counts[4]));
    }

    private DicomDataset clean(DicomDataset src, int[] counts) {
        DicomDataset ds = new DicomDataset(src.bigEndian());
        for (DicomElement e : src.elements()) {
            int tag = e.tag();
            int group = tag >>> 16;
            if (e.isPrivate()) {
                counts[4]++;
                continue;
            }
            if ((group & 0xFF00) == 0x5000 || (group & 0xFF00) == 0x6000
                    && ((tag & 0xFFFF) == 0x3000 || (tag & 0xFFFF) == 0x4000)) {
                counts[0]++; // curve data; overlay data and comments
                continue;
            }
            ConfidentialityProfile.Entry rule = ConfidentialityProfile.entry(tag);
            if (rule == null || rule.action() == ConfidentialityProfile.Action.KEEP) {
                ds.put(e.isSequence() ? DicomElement.ofSequence(tag, cleanItems(e.items(), counts)) : e);
                continue;
            }
            switch (rule.action()) {
                case REMOVE:
                    counts[0]++;
                    break;
                case EMPTY:
                    counts[1]++;
                    ds.put(e.isSequence() ? DicomElement.ofSequence(tag, List.of())
                            : DicomElement.ofValue(tag, e.vr(), new byte[0]));
                    break;
                case DUMMY:
                    counts[2]++;
                    if (e.isSequence()) {
                        ds.put(DicomElement.ofSequence(tag, List.of()));
                    } else {
                        ds.put(DicomWriter.text(tag, e.vr() == Vr.UN ? rule.vr() : e.vr(), dummy(rule.vr())));
                    }
                    break;
                default: { // REMAP_UID
                    counts[3]++;
                    String[] parts = src.string(tag).split("\\\\", -1);
                    StringBuilder sb = new StringBuilder();
                    for (int i = 0; i < parts.length; i++) {
                        sb.append(i > 0 ? "\\" : "").append(uids.remap(parts[i].trim()));
                    }
                    ds.put(DicomWriter.text(tag, Vr.UI, sb.toString()));
                    break;
                }
            }
        }
        return ds;
    }

    private List<DicomDataset> cleanItems(List<DicomDataset> items, int[] counts) {
        List<DicomDataset> out = new ArrayList<>(items.size());
        for (DicomDataset item : items) {
            out.add(clean(item, counts));
        }
        return out;
    }

    private static String dummy(Vr vr) {
        switch (vr) {
            case DA: return "19000101";
            case TM: return "000000";
            case DT: return "19000101000000";
            case AS: return "000Y";
            case DS: case IS: return "0";
            default: return "ANONYMOUS";
        }
    }
}
