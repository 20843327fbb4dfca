package org.medvl.data.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.Sources;
import org.medvl.data.io.TextRow;

/**
 * ROCO (Pelka et al. 2018), radiology subset, as in the authors' repository: {@code data/{train,validation,test}/
 * radiology/captions.txt} ("ROCO_00001\t caption"), {@code dlinks.txt} ("ROCO_00001\twget ... PMCxxxx.tar.gz ...\t
 * image.jpg"), images fetched by scripts/fetch.py into {@code images/} as {@code PMCID_image.jpg}. Without a dlinks
 * file the image is taken as {@code images/ROCO_xxxxx.jpg} (the layout of common re-uploads).
 */
public final class Roco extends FileDataset {
    public Roco(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        Path data = Files.isDirectory(ctx.root().resolve("data")) ? ctx.root().resolve("data") : ctx.root();
        List<SplitFiles.Candidate> c = List.of(
                SplitFiles.Candidate.of(Split.TRAIN, rel(data, "train")),
                SplitFiles.Candidate.of(Split.VALIDATION, rel(data, "validation")),
                SplitFiles.Candidate.of(Split.TEST, rel(data, "test")));
        return SplitFiles.read(ctx, c, this::read);
    }

    private String rel(Path data, String split) {
        return ctx.root().relativize(data.resolve(split).resolve("radiology").resolve("captions.txt")).toString();
    }

    private Stream<ImageTextPair> read(Path captions, Split split) {
        Path dir = captions.getParent();
        Map<String, String> files = imageNames(dir);
        Path images = dir.resolve("images");
        return Sources.map(Sources.delimitedLines(captions, "\t", ctx.problems()), ctx.problems(), r -> {
            r.expect(2, "ROCO id<TAB>caption");
            String id = r.field(0);
            String name = files.getOrDefault(id, id + ".jpg");
            String path = ctx.imagePath(images, name);
            return new ImageTextPair(id, new ImageRef(id, path, null, null, null), caption(r), split, "en", null);
        });
    }

    /** The caption is everything after the first tab (captions may themselves contain tabs). */
    private static String caption(TextRow r) {
        return String.join("\t", r.fields().subList(1, r.fields().size())).trim();
    }

    /** ROCO id -> file name fetch.py gives the image: PMC id (from the archive URL) + "_" + image name. */
    private Map<String, String> imageNames(Path dir) {
        Map<String, String> out = new HashMap<>();
        Path dlinks = Folders.list(ctx, dir, n -> n.startsWith("dlinks")).stream().findFirst().orElse(null);
        if (dlinks == null) {
            return out;
        }
        try (Stream<TextRow> rows = Sources.delimitedLines(dlinks, "\t", ctx.problems())) {
            rows.forEach(r -> {
                if (r.fields().size() < 3) {
                    ctx.problems().warning(r.file(), r.line(), null, "expected id<TAB>wget command<TAB>image name");
                    return;
                }
                String[] cmd = r.fields().get(1).trim().split(" ");
                String url = cmd.length > 2 ? cmd[2] : "";
                String archive = url.substring(url.lastIndexOf('/') + 1);
                String pmc = archive.endsWith(".tar.gz") ? archive.substring(0, archive.length() - 7) : archive;
                out.put(r.fields().get(0).trim(), pmc + "_" + r.fields().get(r.fields().size() - 1).trim());
            });
        }
        return out;
    }
}
