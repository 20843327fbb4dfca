package org.medvl.cli.demo.flow;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.medvl.core.MedvlException;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.data.Dataset;
import org.medvl.data.Datasets;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.metrics.labeler.io.LabelCsv;

/**
 * The records a demo trains and evaluates on, split into a training and a held-out part per task. A task whose
 * records the dataset lacks has empty lists, and its step reports itself as not available.
 *
 * @param name        what the data is, for the summary ("SYNTHETIC ..." or the dataset spec)
 * @param pairs       image-text pairs (CLIP)
 * @param studies     report studies with at least one image (report generation)
 * @param vqa         visual questions (VQA)
 * @param truth       ground-truth findings by study id (synthetic data), or empty: CE then compares with the
 *                    labeler's reading of the reference reports, as papers do
 */
public record DemoData(String name, Parts<ImageTextPair> pairs, Parts<ReportStudy> studies, Parts<VqaItem> vqa,
                       Map<String, ReportLabels> truth) {

    /** Training records and held-out records. */
    public record Parts<T>(List<T> train, List<T> test) {
        public boolean usable() {
            return !train.isEmpty() && !test.isEmpty();
        }
    }

    /** The synthetic set in {@code dir} (written by medvl demo synth): its train and test splits. */
    public static DemoData synthetic(Path dir, int evalLimit) {
        Map<String, ReportLabels> truth = new HashMap<>();
        for (LabelCsv.Row r : LabelCsv.read(dir.resolve("labels.csv"))) {
            truth.put(r.id(), r.labels());
        }
        Dataset pairs = Datasets.open("manifest:" + dir.resolve("pairs.jsonl"));
        Dataset reports = Datasets.open("manifest:" + dir.resolve("reports.jsonl"));
        Dataset vqa = Datasets.open("manifest:" + dir.resolve("vqa.jsonl"));
        return new DemoData("SYNTHETIC chest radiographs in " + dir,
                bySplit(read(pairs.pairs()), ImageTextPair::split, ImageTextPair::id, 0, evalLimit),
                bySplit(withImages(read(reports.studies())), ReportStudy::split, ReportStudy::id, 0, evalLimit),
                bySplit(read(vqa.vqaItems()), VqaItem::split, VqaItem::id, 0, evalLimit), Map.copyOf(truth));
    }

    /**
     * A real dataset: its train split for training, its test split (else validation) for evaluation; a dataset
     * without splits is divided 80/20 by a hash of each record id and the seed.
     */
    public static DemoData of(String spec, long seed, int evalLimit) {
        Dataset ds = Datasets.open(spec);
        if (ds.split().isPresent()) {
            throw new MedvlException("--data " + spec + ": give the dataset without a #split; the demo trains on its "
                    + "train split and evaluates on its test (or validation) split");
        }
        List<ImageTextPair> pairs = read(ds.pairs());
        List<ReportStudy> studies = withImages(read(ds.studies()));
        if (studies.isEmpty()) { // an image-caption dataset: each caption is a one-image "report", as R2Gen-style
            studies = pairs.stream().map(p -> new ReportStudy(p.id(), List.of(p.image()),
                    ReportSections.of(p.text(), ""), List.of(), p.split(), p.language(), p.demographics())).toList();
        }
        DemoData d = new DemoData(spec,
                bySplit(pairs, ImageTextPair::split, ImageTextPair::id, seed, evalLimit),
                bySplit(studies, ReportStudy::split, ReportStudy::id, seed, evalLimit),
                bySplit(read(ds.vqaItems()), VqaItem::split, VqaItem::id, seed, evalLimit), Map.of());
        if (!d.pairs.usable() && !d.studies.usable() && !d.vqa.usable()) {
            throw new MedvlException("--data " + spec + ": no image-text pairs, report studies with images, or VQA "
                    + "items with both a training and a held-out part" + (ds.problemCount() > 0
                    ? " (" + ds.problemCount() + " problems, first: " + ds.problems().get(0) + ")" : ""));
        }
        return d;
    }

    private static <T> List<T> read(Stream<T> s) {
        try (s) {
            return s.toList();
        }
    }

    private static List<ReportStudy> withImages(List<ReportStudy> studies) {
        return studies.stream().filter(s -> !s.images().isEmpty() && !s.sections().findingsAndImpression().isBlank())
                .toList();
    }

    private static <T> Parts<T> bySplit(List<T> all, Function<T, Split> split, Function<T, String> id, long seed,
                                        int evalLimit) {
        List<T> train = new ArrayList<>();
        List<T> test = new ArrayList<>();
        List<T> validation = new ArrayList<>();
        boolean anySplit = all.stream().anyMatch(t -> split.apply(t) != Split.UNSPLIT);
        for (T t : all) {
            Split s = anySplit ? split.apply(t) : hashSplit(id.apply(t), seed);
            switch (s) {
                case TRAIN -> train.add(t);
                case TEST -> test.add(t);
                case VALIDATION -> validation.add(t);
                default -> { } // records outside the dataset's splits take no part
            }
        }
        List<T> held = test.isEmpty() ? validation : test;
        if (evalLimit > 0 && held.size() > evalLimit) {
            held = held.subList(0, evalLimit);
        }
        return new Parts<>(List.copyOf(train), List.copyOf(held));
    }

    /** A stable 80/20 split by record id, so a dataset without splits still gets a held-out part. */
    private static Split hashSplit(String id, long seed) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < id.length(); i++) {
            h = (h ^ id.charAt(i)) * 0x100000001B3L;
        }
        return Math.floorMod(h ^ (h >>> 29), 5) == 0 ? Split.TEST : Split.TRAIN;
    }
}
