package org.medvl.image.dicom;

/**
 * A parsed DICOM file: the File Meta Information (group 0002, empty for a raw dataset), the dataset and the transfer
 * syntax its dataset was encoded with.
 *
 * @param meta File Meta Information
 * @param dataset the dataset
 * @param transferSyntax how the dataset is encoded
 * @param transferSyntaxUid the UID as written (may be one medvl does not know; then {@code transferSyntax} is how the
 *     dataset was actually parsed)
 * @param part10 whether the file had the 128-byte preamble and "DICM" prefix
 */
public record DicomFile(DicomDataset meta, DicomDataset dataset, TransferSyntax transferSyntax,
        String transferSyntaxUid, boolean part10) {
}
