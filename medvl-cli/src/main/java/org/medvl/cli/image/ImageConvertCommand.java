package org.medvl.cli.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import javax.imageio.ImageIO;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.image.ImagePipeline;
import org.medvl.image.MedicalImage;
import org.medvl.image.MedicalImages;
import org.medvl.image.PreprocessConfig;
import org.medvl.image.Window;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code medvl image convert FILE --out OUT.png}: one frame, windowed to 8 bits, as PNG (or JPEG/BMP by extension). */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = "Convert one frame to an 8-bit PNG/JPEG/BMP with a VOI window (header, C,W or preset).")
public final class ImageConvertCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "FILE", description = "DICOM, PNG, JPEG, BMP or TIFF file")
    Path file;

    @Option(names = "--out", required = true, paramLabel = "OUT", description = "output image (.png, .jpg or .bmp)")
    Path out;

    @Option(names = "--window", paramLabel = "C,W", description = "window centre and width, e.g. -600,1500")
    String window;

    @Option(names = "--preset", paramLabel = "NAME",
            description = "window preset: lung, mediastinum, bone, brain, abdomen, liver, subdural, stroke")
    String preset;

    @Option(names = "--frame", paramLabel = "N", defaultValue = "0", description = "frame to convert, from 0 (default 0)")
    int frame;

    @Option(names = "--force", description = "replace OUT if it exists")
    boolean force;

    @Override
    public Integer call() {
        if (window != null && preset != null) {
            throw new MedvlException("give --window or --preset, not both");
        }
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        String format = name.endsWith(".jpg") || name.endsWith(".jpeg") ? "jpeg" : name.endsWith(".bmp") ? "bmp"
                : name.endsWith(".png") ? "png" : null;
        if (format == null) {
            throw new MedvlException("--out must end in .png, .jpg or .bmp: " + out);
        }
        if (Files.exists(out) && !force) {
            throw new MedvlException(out + " exists; pass --force to replace it");
        }
        Window w = window != null ? Window.parse(window) : preset != null ? Window.preset(preset) : null;
        MedicalImage img = MedicalImages.read(file, frame);
        ImagePipeline pipeline = new ImagePipeline(PreprocessConfig.grey(1));
        BufferedImage display = pipeline.toDisplay(img, 0, w);
        AtomicFiles.write(out, o -> {
            if (!ImageIO.write(display, format, o)) {
                throw new IOException("no ImageIO writer for " + format);
            }
        });
        String used = img.samplesPerPixel() == 3 && w == null ? "none (colour)" : String.valueOf(
                w != null ? w : pipeline.windowFor(img, 0));
        System.out.println("wrote " + out + " (" + img.width() + "x" + img.height() + ", frame " + frame + ", window "
                + used + ")");
        return 0;
    }
}
