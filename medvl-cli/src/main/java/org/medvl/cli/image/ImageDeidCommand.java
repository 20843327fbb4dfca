package org.medvl.cli.image;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.medvl.image.deid.DeidRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code medvl image deid IN OUT}: PS3.15 Basic Application Level Confidentiality Profile, files or directories. */
@Command(name = "deid", mixinStandardHelpOptions = true,
        description = "De-identify DICOM (PS3.15 Basic Profile) from IN to a new OUT; IN is never modified.")
public final class ImageDeidCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "IN", description = "a DICOM file or a directory of them")
    Path in;

    @Parameters(index = "1", paramLabel = "OUT", description = "output file or directory (must not exist yet)")
    Path out;

    @Override
    public Integer call() {
        DeidRun.Summary s = DeidRun.run(in, out, System.err::println);
        System.out.println("de-identified " + s.written() + " file" + (s.written() == 1 ? "" : "s") + " into " + out
                + " (" + s.uidsRemapped() + " UIDs remapped consistently; " + s.skippedNotDicom()
                + " non-DICOM files skipped; " + s.failed() + " unreadable)");
        return s.failed() > 0 ? 1 : 0;
    }
}
