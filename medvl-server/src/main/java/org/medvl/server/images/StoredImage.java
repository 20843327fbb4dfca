package org.medvl.server.images;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.file.Path;
import java.util.List;

/**
 * An upload as stored: de-identified DICOM, or a raster image re-encoded as PNG (which drops any metadata such as
 * EXIF or PNG text chunks). Every field is safe to return to a client.
 *
 * @param id random 128-bit hex id
 * @param file where it is stored (not serialised)
 * @param format DICOM, PNG, JPEG, ...: the uploaded format
 * @param width columns
 * @param height rows
 * @param frames frames in the upload (only frame 0 is used)
 * @param grey whether the image is single-channel (window/level applies)
 * @param modality DICOM Modality, "" otherwise
 * @param bodyPart DICOM Body Part Examined, "" otherwise
 * @param studyInstanceUid the Study Instance UID after de-identification (a fresh 2.25 UID, not the original), ""
 *     for non-DICOM
 * @param deidentified whether DICOM de-identification ran (false for raster images, which carry no DICOM attributes)
 * @param windowCenter default window centre for display
 * @param windowWidth default window width
 * @param warnings things the user should know, e.g. burned-in annotation
 */
public record StoredImage(String id, @JsonIgnore Path file, String format, int width, int height, int frames,
        boolean grey, String modality, String bodyPart, String studyInstanceUid, boolean deidentified,
        double windowCenter, double windowWidth, List<String> warnings) {
    public StoredImage {
        warnings = List.copyOf(warnings);
    }
}
