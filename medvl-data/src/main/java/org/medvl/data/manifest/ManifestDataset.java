package org.medvl.data.manifest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.VqaItem;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * Reads a {@link ManifestFormat} file. Streams are lazy, so a manifest of millions of records reads in bounded
 * memory. Manifests index files anywhere (that is their point), so image paths are not confined to a root.
 */
public final class ManifestDataset extends FileDataset {
    private final Path dir;

    private ManifestDataset(LoadContext ctx) {
        super(ctx, RecordKind.VQA, RecordKind.PAIR, RecordKind.STUDY);
        this.dir = ctx.root().getParent();
    }

    public static ManifestDataset open(LoadContext ctx) {
        if (Files.isDirectory(ctx.root())) {
            throw new org.medvl.core.MedvlException("manifest:" + ctx.spec().path()
                    + " is a folder; a manifest is one .jsonl file written by 'medvl data convert'");
        }
        return new ManifestDataset(ctx);
    }

    @Override
    protected Stream<VqaItem> readVqa() {
        return read("vqa", r -> ManifestFormat.readVqa(r, this::resolve));
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        return read("pair", r -> ManifestFormat.readPair(r, this::resolve));
    }

    @Override
    protected Stream<ReportStudy> readStudies() {
        return read("study", r -> ManifestFormat.readStudy(r, this::resolve));
    }

    /** The kinds the header declares, else all three. */
    @Override
    public Set<RecordKind> kinds() {
        try (Stream<JsonRow> rows = Sources.jsonLines(ctx.root(), new org.medvl.data.ProblemLog(false))) {
            return rows.findFirst().filter(r -> "header".equals(r.opt("kind"))).map(r -> {
                Set<RecordKind> k = EnumSet.noneOf(RecordKind.class);
                for (String s : r.list("kinds")) {
                    for (RecordKind rk : RecordKind.values()) {
                        if (rk.id().equals(s)) {
                            k.add(rk);
                        }
                    }
                }
                return k.isEmpty() ? super.kinds() : k;
            }).orElse(super.kinds());
        }
    }

    private String resolve(String stored) {
        return dir.resolve(stored).normalize().toString();
    }

    private <T> Stream<T> read(String kind, Function<JsonRow, T> mapping) {
        return Sources.map(Sources.jsonLines(ctx.root(), ctx.problems()), ctx.problems(), r -> {
            String k = r.opt("kind");
            if (k == null) {
                throw new BadRecord("missing field \"kind\" (vqa, pair or study)");
            }
            if (!k.equals(kind)) {
                if (!k.equals("header") && !k.equals("vqa") && !k.equals("pair") && !k.equals("study")) {
                    throw new BadRecord("unknown kind \"" + k + "\" (expected vqa, pair or study)");
                }
                return null;
            }
            return mapping.apply(r);
        }).filter(java.util.Objects::nonNull);
    }
}
