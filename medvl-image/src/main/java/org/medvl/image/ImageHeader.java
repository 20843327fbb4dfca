package org.medvl.image;

import java.util.List;

/**
 * The header fields tasks need, read from a DICOM file (or "" for other formats). {@link #toString()} never prints
 * identifying values (patient age and sex, UIDs): logs and exception messages may include it safely.
 *
 * @param format container format: DICOM, PNG, JPEG, BMP, TIFF, GIF
 * @param transferSyntaxUid DICOM transfer syntax UID, "" for other formats
 * @param transferSyntaxName its readable name, or the codec for other formats
 * @param sopClassUid SOP Class UID (not identifying: it names the kind of object)
 * @param modality Modality (0008,0060), e.g. CT, MR, CR
 * @param bodyPart Body Part Examined (0018,0015)
 * @param viewPosition View Position (0018,5101), e.g. PA, AP, LL
 * @param photometric Photometric Interpretation (0028,0004) as stored
 * @param patientAge Patient's Age (0010,1010), e.g. 045Y
 * @param patientSex Patient's Sex (0010,0040): M, F, O or ""
 * @param studyInstanceUid Study Instance UID (0020,000D)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param sopInstanceUid SOP Instance UID (0008,0018)
 * @param windows VOI windows from the header (Window Center/Width), first one is the default
 * @param voiLut the first VOI LUT of the VOI LUT Sequence (0028,3010), or null; used when the header has no window
 * @param numberOfFrames frames in the file
 */
public record ImageHeader(String format, String transferSyntaxUid, String transferSyntaxName, String sopClassUid,
        String modality, String bodyPart, String viewPosition, String photometric, String patientAge,
        String patientSex, String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid,
        List<Window> windows, VoiLut voiLut, int numberOfFrames) {

    public ImageHeader {
        windows = List.copyOf(windows);
    }

    /** A header for a non-DICOM image: only the format and photometric interpretation are known. */
    public static ImageHeader plain(String format, String photometric) {
        return new ImageHeader(format, "", format, "", "", "", "", photometric, "", "", "", "", "", List.of(), null,
                1);
    }

    public boolean isDicom() {
        return format.equals("DICOM");
    }

    /** Non-identifying summary: identifying fields appear only as present/absent. */
    @Override
    public String toString() {
        return "ImageHeader[format=" + format + ", transferSyntax=" + transferSyntaxName + ", modality=" + modality
                + ", bodyPart=" + bodyPart + ", viewPosition=" + viewPosition + ", photometric=" + photometric
                 + ", frames=" + numberOfFrames + ", windows=" + windows + (voiLut == null ? "" : ", voiLut=" + voiLut)
                + ", patientAge=" + hidden(patientAge)
                + ", patientSex=" + hidden(patientSex) + ", studyInstanceUid=" + hidden(studyInstanceUid)
                + ", seriesInstanceUid=" + hidden(seriesInstanceUid) + ", sopInstanceUid=" + hidden(sopInstanceUid)
                + "]";
    }

    private static String hidden(String v) {
        return v.isEmpty() ? "absent" : "<hidden>";
    }
}
