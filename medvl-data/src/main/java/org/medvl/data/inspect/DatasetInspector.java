package org.medvl.data.inspect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.medvl.core.io.Progress;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.VqaItem;
import org.medvl.data.DataProblem;
import org.medvl.data.Dataset;
import org.medvl.data.RecordKind;

/**
 * Computes what {@code medvl data inspect} prints, in one streaming pass per record kind and in memory bounded by the
 * number of distinct images (8 bytes each), never by the number of records: counts per split, missing or undecodable
 * images, answer- and question-type distributions, answer vocabulary, text length percentiles, languages and
 * demographics.
 */
public final class DatasetInspector {
    private static final int EXAMPLES = 5;

    private final ImageCheck imageCheck;
    private final boolean progress;

    private final Map<RecordKind, Tally> splits = new EnumMap<>(RecordKind.class);
    private final LongHashSet images = new LongHashSet();
    private long imageRefs;
    private long missing;
    private long undecodable;
    private final List<String> missingExamples = new ArrayList<>();
    private final List<String> undecodableExamples = new ArrayList<>();
    private final Tally answerTypes = new Tally();
    private final Tally questionTypes = new Tally();
    private final LongHashSet answers = new LongHashSet();
    private final LengthHistogram questionLen = new LengthHistogram();
    private final LengthHistogram answerLen = new LengthHistogram();
    private long withOptions;
    private final LengthHistogram captionLen = new LengthHistogram();
    private final LengthHistogram findingsLen = new LengthHistogram();
    private final LengthHistogram impressionLen = new LengthHistogram();
    private final LengthHistogram imagesPerStudy = new LengthHistogram();
    private final Tally tags = new Tally();
    private final Tally languages = new Tally();
    private final LengthHistogram ages = new LengthHistogram();
    private final Tally sexes = new Tally();
    private final Tally races = new Tally();
    private long withDemographics;
    private long records;

    public DatasetInspector(ImageCheck imageCheck, boolean progress) {
        this.imageCheck = imageCheck;
        this.progress = progress;
    }

    /** Reads every record of {@code ds} and returns the report as an ordered tree (maps, lists, numbers, text). */
    public Map<String, Object> inspect(Dataset ds) {
        long start = System.nanoTime();
        try (Progress bar = Progress.start("inspect " + ds.name(), -1)) {
            if (ds.kinds().contains(RecordKind.VQA)) {
                consume(ds.vqaItems(), bar, this::vqa);
            }
            if (ds.kinds().contains(RecordKind.PAIR)) {
                consume(ds.pairs(), bar, this::pair);
            }
            if (ds.kinds().contains(RecordKind.STUDY)) {
                consume(ds.studies(), bar, this::study);
            }
        }
        double secs = (System.nanoTime() - start) / 1e9;
        return report(ds, secs);
    }

    private <T> void consume(Stream<T> stream, Progress bar, java.util.function.Consumer<T> sink) {
        try (stream) {
            stream.forEach(r -> {
                sink.accept(r);
                records++;
                if (progress) {
                    bar.step();
                }
            });
        }
    }

    private void vqa(VqaItem v) {
        split(RecordKind.VQA, v.split().id());
        image(v.image());
        answerTypes.add(v.answerType().name().toLowerCase(Locale.ROOT));
        questionTypes.add(v.questionType());
        answers.add(LongHashSet.hash(v.answer().trim().toLowerCase(Locale.ROOT)));
        questionLen.add(LengthHistogram.tokens(v.question()));
        answerLen.add(LengthHistogram.tokens(v.answer()));
        withOptions += v.options().isEmpty() ? 0 : 1;
        common(v.language(), v.demographics());
    }

    private void pair(ImageTextPair p) {
        split(RecordKind.PAIR, p.split().id());
        image(p.image());
        captionLen.add(LengthHistogram.tokens(p.text()));
        common(p.language(), p.demographics());
    }

    private void study(ReportStudy s) {
        split(RecordKind.STUDY, s.split().id());
        s.images().forEach(this::image);
        imagesPerStudy.add(s.images().size());
        findingsLen.add(LengthHistogram.tokens(s.sections().findings()));
        impressionLen.add(LengthHistogram.tokens(s.sections().impression()));
        s.tags().forEach(tags::add);
        common(s.language(), s.demographics());
    }

    private void split(RecordKind kind, String split) {
        splits.computeIfAbsent(kind, k -> new Tally()).add(split);
    }

    private void common(String language, Demographics d) {
        languages.add(language);
        if (d.isUnknown()) {
            return;
        }
        withDemographics++;
        if (d.age() != null) {
            ages.add(d.age());
        }
        sexes.add(d.sex());
        races.add(d.race());
    }

    /** Each distinct image is checked once. */
    private void image(ImageRef img) {
        imageRefs++;
        if (!images.add(LongHashSet.hash(img.path()))) {
            return;
        }
        switch (imageCheck.check(img.path())) {
            case MISSING -> {
                missing++;
                example(missingExamples, img.path());
            }
            case UNDECODABLE -> {
                undecodable++;
                example(undecodableExamples, img.path());
            }
            default -> { }
        }
    }

    private static void example(List<String> list, String path) {
        if (list.size() < EXAMPLES) {
            list.add(path);
        }
    }

    private Map<String, Object> report(Dataset ds, double secs) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("dataset", ds.name());
        r.put("path", ds.root().toString());
        r.put("split", ds.split().map(s -> s.id()).orElse("all"));
        Map<String, Object> counts = new LinkedHashMap<>();
        splits.forEach((k, t) -> counts.put(k.id(), t.sorted()));
        r.put("records", counts);
        Map<String, Object> img = new LinkedHashMap<>();
        img.put("check", imageCheck.name().toLowerCase(Locale.ROOT));
        img.put("references", imageRefs);
        img.put("distinct", images.size());
        if (imageCheck != ImageCheck.NONE) {
            img.put("missing", missing);
            if (!missingExamples.isEmpty()) {
                img.put("missing_examples", missingExamples);
            }
        }
        if (imageCheck == ImageCheck.DECODE) {
            img.put("undecodable", undecodable);
            if (!undecodableExamples.isEmpty()) {
                img.put("undecodable_examples", undecodableExamples);
            }
        }
        r.put("images", img);
        if (splits.containsKey(RecordKind.VQA)) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("answer_types", answerTypes.sorted());
            q.put("question_types", questionTypes.sorted());
            q.put("answer_vocabulary", answers.size());
            q.put("question_tokens", questionLen.summary());
            q.put("answer_tokens", answerLen.summary());
            q.put("multiple_choice", withOptions);
            r.put("vqa", q);
        }
        if (splits.containsKey(RecordKind.PAIR)) {
            r.put("pairs", Map.of("text_tokens", captionLen.summary()));
        }
        if (splits.containsKey(RecordKind.STUDY)) {
            Map<String, Object> s = new LinkedHashMap<>();
            s.put("findings_tokens", findingsLen.summary());
            s.put("impression_tokens", impressionLen.summary());
            s.put("images_per_study", imagesPerStudy.summary());
            if (!tags.isEmpty()) {
                Map<String, Long> top = new LinkedHashMap<>();
                tags.sorted().entrySet().stream().limit(15).forEach(e -> top.put(e.getKey(), e.getValue()));
                s.put("top_tags", top);
            }
            r.put("studies", s);
        }
        r.put("languages", languages.sorted());
        Map<String, Object> demo = new LinkedHashMap<>();
        demo.put("records_with_any", withDemographics);
        if (withDemographics > 0) {
            demo.put("age", ages.summary());
            demo.put("sex", sexes.sorted());
            demo.put("race", races.sorted());
        }
        r.put("demographics", demo);
        Map<String, Object> probs = new LinkedHashMap<>();
        probs.put("count", ds.problemCount());
        List<String> first = ds.problems().stream().limit(20).map(DataProblem::toString).toList();
        if (!first.isEmpty()) {
            probs.put("first", first);
        }
        r.put("problems", probs);
        r.put("records_read", records);
        r.put("seconds", Math.round(secs * 1000) / 1000.0);
        r.put("records_per_second", secs > 0 ? Math.round(records / secs) : 0);
        return r;
    }

    /** The report as indented "key: value" text for the terminal. */
    public static String toText(Map<String, Object> report) {
        StringBuilder sb = new StringBuilder();
        render(sb, report, 0);
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static void render(StringBuilder sb, Map<String, Object> map, int depth) {
        String indent = "  ".repeat(depth);
        for (var e : map.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Map<?, ?> m && !isFlat(m)) {
                sb.append(indent).append(e.getKey()).append(":\n");
                render(sb, (Map<String, Object>) m, depth + 1);
            } else if (v instanceof Map<?, ?> m) {
                sb.append(indent).append(e.getKey()).append(": ").append(flat(m)).append('\n');
            } else if (v instanceof List<?> l) {
                sb.append(indent).append(e.getKey()).append(":\n");
                l.forEach(x -> sb.append(indent).append("  - ").append(x).append('\n'));
            } else {
                sb.append(indent).append(e.getKey()).append(": ").append(number(v)).append('\n');
            }
        }
    }

    private static boolean isFlat(Map<?, ?> m) {
        return m.size() <= 12 && m.values().stream().allMatch(v -> v instanceof Number || v instanceof String);
    }

    private static String flat(Map<?, ?> m) {
        if (m.isEmpty()) {
            return "-";
        }
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append(' ').append(number(v)));
        return sb.toString();
    }

    /** Whole numbers with thousands separators; everything else as is. */
    private static Object number(Object v) {
        return v instanceof Long || v instanceof Integer ? String.format("%,d", ((Number) v).longValue()) : v;
    }
}
