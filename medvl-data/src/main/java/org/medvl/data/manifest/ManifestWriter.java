package org.medvl.data.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
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
     * sections), identity when null. Nothing replaces {@code out} unless every record was written.
     */
    public static Counts write(Dataset ds, Path out, UnaryOperator<ReportStudy> studyText) {
        Function<String, String> path = ManifestFormat.relativeTo(out.toAbsolutePath().getParent());
        UnaryOperator<ReportStudy> tx = studyText == null ? UnaryOperator.identity() : studyText;
        String name = ds.name();
        List<String> kinds = new ArrayList<>();
        ds.kinds().forEach(k -> kinds.add(k.id()));
        long[] n = new long[3];
        AtomicFiles.writeText(out, w -> {
            line(w, ManifestFormat.header(name + ":" + ds.root() + ds.split().map(s -> "#" + s.id()).orElse(""), kinds));
            try (Progress progress = Progress.start("convert " + name, -1)) {
                if (ds.kinds().contains(RecordKind.VQA)) {
                    n[0] = copy(ds.vqaItems(), v -> ManifestFormat.vqa(v, name, path), w, progress);
                }
                if (ds.kinds().contains(RecordKind.PAIR)) {
                    n[1] = copy(ds.pairs(), p -> ManifestFormat.pair(p, name, path), w, progress);
                }
                if (ds.kinds().contains(RecordKind.STUDY)) {
                    n[2] = copy(ds.studies(), s -> ManifestFormat.study(tx.apply(s), name, path), w, progress);
                }
            }
        });
        return new Counts(n[0], n[1], n[2]);
    }

    private static <T> long copy(Stream<T> records, Function<T, JsonNode> toJson, Writer w, Progress progress)
            throws IOException {
        long count = 0;
        try (records) {
            for (var it = records.iterator(); it.hasNext(); ) {
                line(w, toJson.apply(it.next()));
                count++;
                progress.step();
            }
        }
        return count;
    }

    private static void line(Writer w, JsonNode node) throws IOException {
        w.write(ManifestFormat.MAPPER.writeValueAsString(node));
        w.write('\n');
    }
}
