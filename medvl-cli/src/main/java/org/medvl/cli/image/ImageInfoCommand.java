package org.medvl.cli.image;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvl.image.ImageHeader;
import org.medvl.image.MedicalImage;
import org.medvl.image.MedicalImages;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomImageReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code medvl image info FILE}: format, size, modality, transfer syntax, window; never identifying values. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Show an image's format, size, modality, transfer syntax and window (no identifying values).")
public final class ImageInfoCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "DICOM, PNG, JPEG, BMP or TIFF file")
    Path file;

    @Override
    public Integer call() {
        ImageHeader h = MedicalImages.header(file);
        System.out.println("file:              " + file);
        System.out.println("format:            " + h.format());
        if (h.isDicom()) {
            DicomFile f = MedicalImages.readDicom(file);
            System.out.println("transfer syntax:   " + h.transferSyntaxName() + " (" + h.transferSyntaxUid() + ")");
            System.out.println("SOP class:         " + h.sopClassUid());
            System.out.println("modality:          " + h.modality());
            System.out.println("body part:         " + h.bodyPart());
            System.out.println("view position:     " + h.viewPosition());
            System.out.println("patient age/sex:   " + (h.patientAge().isEmpty() && h.patientSex().isEmpty()
                    ? "absent" : "present (not shown; use medvl image deid before sharing)"));
            if (!DicomImageReader.hasImage(f)) {
                System.out.println("image:             none (no Pixel Data: not an image object)");
                return 0;
            }
        }
        MedicalImage img = MedicalImages.read(file, 0);
        System.out.println("size:              " + img.width() + " x " + img.height() + ", " + img.samplesPerPixel()
                + " sample" + (img.samplesPerPixel() == 1 ? "" : "s") + " per pixel");
        System.out.println("frames:            " + h.numberOfFrames());
        System.out.println("photometric:       " + (h.photometric().isEmpty() ? img.photometric() : h.photometric())
                + (h.photometric().isEmpty() || h.photometric().equals(img.photometric()) ? ""
                        : " (decoded as " + img.photometric() + ")"));
        System.out.println("bits stored:       " + img.bitsStored() + (img.signed() ? " (signed)" : ""));
        System.out.println("rescale:           slope " + img.rescaleSlope() + ", intercept " + img.rescaleIntercept());
        float[] r = img.modalityRange(0);
        System.out.println("value range:       " + r[0] + " .. " + r[1] + " (frame 0, after rescale)");
        System.out.println("window:            " + (h.windows().isEmpty() ? "none in header; default "
                + img.defaultWindow(0) + " (full range)" : h.windows() + " (from header)"));
        if (h.voiLut() != null) {
            System.out.println("VOI LUT:           " + h.voiLut() + (h.windows().isEmpty()
                    ? " (used for display)" : " (the header window is used for display)"));
        }
        return 0;
    }
}
