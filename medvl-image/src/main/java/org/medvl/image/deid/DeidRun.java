package org.medvl.image.deid;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.core.io.AtomicFiles;
import org.medvl.image.ImageLimits;
import org.medvl.image.MedicalImages;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.DicomParser;
import org.medvl.image.dicom.DicomWriter;

/**
 * De-identifies a file or a directory tree into a new location: never writes over the input or over an existing
 * output file, writes each output atomically, skips (and counts) files that are not DICOM. Log lines name files and
 * counts, never attribute values. UIDs are remapped consistently across the whole run.
 */
public final class DeidRun {
    /** What a run did. */
    public record Summary(int written, int skippedNotDicom, int failed, int uidsRemapped) {
    }

    private DeidRun() {
    }

    public static Summary run(Path in, Path out, Consumer<String> log) {
        if (!Files.exists(in)) {
            throw new MedvlException(in + ": no such file or directory");
        }
        Path inAbs = in.toAbsolutePath().normalize();
        Path outAbs = out.toAbsolutePath().normalize();
        if (inAbs.equals(outAbs)) {
            throw new MedvlException("output " + out + " is the input: de-identification never overwrites its input");
        }
        Deidentifier deid = new Deidentifier();
        List<Path[]> jobs = new ArrayList<>();
        if (Files.isDirectory(in)) {
            if (outAbs.startsWith(inAbs)) {
                throw new MedvlException("output " + out + " lies inside the input directory " + in);
            }
            if (Files.exists(out) && !Files.isDirectory(out)) {
                throw new MedvlException("output " + out + " exists and is not a directory");
            }
            try (Stream<Path> walk = Files.walk(in)) {
                walk.filter(Files::isRegularFile).sorted().forEach(p -> jobs.add(new Path[] {p,
                        out.resolve(in.relativize(p).toString())}));
            } catch (IOException e) {
                throw new MedvlException("cannot list " + in + ": " + e.getMessage());
            }
        } else {
            Path target = Files.isDirectory(out) ? out.resolve(in.getFileName().toString()) : out;
            jobs.add(new Path[] {in, target});
        }
        for (Path[] job : jobs) {
            if (Files.exists(job[1])) {
                throw new MedvlException("output " + job[1] + " already exists: de-identification does not overwrite;"
                        + " choose an empty output location");
            }
        }
        int written = 0;
        int skipped = 0;
        int failed = 0;
        for (Path[] job : jobs) {
            byte[] bytes;
            try {
                bytes = Files.readAllBytes(job[0]);
            } catch (IOException e) {
                log.accept("deid: " + job[0] + ": cannot read (" + e.getClass().getSimpleName() + ")");
                failed++;
                continue;
            }
            if (!MedicalImages.isDicom(bytes)) {
                skipped++;
                log.accept("deid: " + job[0] + ": not DICOM, skipped (not copied)");
                continue;
            }
            DicomFile f;
            try {
                f = DicomParser.parse(bytes, job[0].toString(), ImageLimits.DEFAULT);
            } catch (MedvlException e) {
                failed++;
                // parser messages name structure (tags, byte counts), never attribute values
                log.accept("deid: " + job[0] + ": not written: " + e.getMessage());
                continue;
            }
            Deidentifier.Result r = deid.apply(f);
            byte[] outBytes = DicomWriter.write(r.file());
            AtomicFiles.write(job[1], o -> o.write(outBytes));
            written++;
            log.accept("deid: " + job[0] + " -> " + job[1] + ": " + r.report());
        }
        if (jobs.size() == 1 && failed == 1) {
            throw new MedvlException(in + ": cannot de-identify: not a readable DICOM file");
        }
        return new Summary(written, skipped, failed, deid.uids().size());
    }
}
