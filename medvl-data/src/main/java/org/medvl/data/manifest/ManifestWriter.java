package org.medvl.data.manifest;

import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.Progress;
import org.medvl.core.record.ReportStudy;
import org.medvl.data.Dataset;
import org.medvl.data.RecordKind;

/** Writes any dataset as a {@link ManifestFormat} file, atomically, streaming record by record. */
public final class ManifestWriter {
    private ManifestWriter() {
    }

    /** Records written per kind. */
    public record Counts(long vqa, long pairs, long studies) {
        public long total() {
            return vqa + pairs + studies;
        }
    }

    /**
     * Writes {@code ds} to {@code out}; {@code studyText} transforms each report study (e.g. R2Gen cleaning of its
     * sections), identity when null.
     */
    public static Counts write(Dataset ds, Path out, UnaryOperator<ReportStudy> studyText) {
        var path = ManifestFormat.relativeTo(out.toAbsolutePath().getParent());
        UnaryOperator<ReportStudy> tx = studyText == null ? UnaryOperator.identity() : studyText;
        long[] n = new long[3];
        List<String> kinds = new ArrayList<>();
        ds.kinds().forEach(k -> kinds.add(k.id()));
        String name = ds.name();
        AtomicFiles.writeText(out, w -> {
            line(w, ManifestFormat.header(name + ":" + ds.root() + ds.split().map(s -> "#" + s.id()).orElse(""), kinds));
            try (Progress progress = Progress.start("convert " + name, -1)) {
                if (ds.kinds().contains(RecordKind.VQA)) {
                    try (Stream<org.medvl.core.record.VqaItem> s = ds.vqaItems()) {
                        for (var it = s.iterator(); it.hasNext(); ) {
                            line(w, ManifestFormat.vqa(it.next(), name, path));
                            n[0]++;
                            progress.step();
                        }
                    }
                }
                if (ds.kinds().contains(RecordKind.PAIR)) {
                    try (Stream<org.medvl.core.record.ImageTextPair> s = ds.pairs()) {
                        for (var it = s.iterator(); it.hasNext(); ) {
                            line(w, ManifestFormat.pair(it.next(), name, path));
                            n[1]++;
                            progress.step();
                        }
                    }
                }
                if (ds.kinds().contains(RecordKind.STUDY)) {
                    try (Stream<ReportStudy> s = ds.studies()) {
                        for (var it = s.iterator(); it.hasNext(); ) {
                            line(w, ManifestFormat.study(tx.apply(it.next()), name, path));
                            n[2]++;
                            progress.step();
                        }
                    }
                }
            }
        });
        return new Counts(n[0], n[1], n[2]);
    }

    private static void line(Writer w, com.fasterxml.jackson.databind.JsonNode node) throws java.io.IOException {
        w.write(ManifestFormat.MAPPER.writeValueAsString(node));
        w.write('\n');
    }
}
