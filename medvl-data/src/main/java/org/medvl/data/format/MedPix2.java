package org.medvl.data.format;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * MedPix 2.0 (Siragusa et al. 2025), as in the authors' repository: {@code Descriptions.json} (one record per image:
 * Type, U_id, image, Description{Caption, Modality, Plane, Age, Sex, ...}, Location) gives image-caption pairs;
 * {@code Case_topic.json} (one record per case: U_id, TAC and MRI image ids, Case{History, Exam, Findings,
 * Case Diagnosis, ...}, Topic) gives case reports. The authors' splits are
 * {@code splitted_dataset/descriptions_{train,dev,test}.jsonl} and {@code data_{train,dev,test}.jsonl}; when that
 * folder is absent the whole JSON files load unsplit. Images are named by id without extension and resolve to
 * {@code images/ID.png} or {@code .jpg}, whichever exists.
 */
public final class MedPix2 extends FileDataset {
    private static final List<String> EXTENSIONS = List.of(".png", ".jpg", ".jpeg");

    public MedPix2(LoadContext ctx) {
        super(ctx, RecordKind.PAIR, RecordKind.STUDY);
    }

    private MedPix2(LoadContext ctx, RecordKind only) {
        super(ctx, only);
    }

    /**
     * The case-level view ({@code medpix-2.0-cases}): only the case studies (all CT and MR images of a case with the
     * case report, Findings in the findings section), so commands that take pairs when a dataset has them (report
     * training and evaluation) see cases.
     */
    public static MedPix2 cases(LoadContext ctx) {
        return new MedPix2(ctx, RecordKind.STUDY);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        return read("descriptions", "Descriptions.json", this::pair);
    }

    @Override
    protected Stream<ReportStudy> readStudies() {
        return read("data", "Case_topic.json", this::study);
    }

    private interface Mapper<T> {
        T map(JsonRow row, Split split);
    }

    private <T> Stream<T> read(String prefix, String whole, Mapper<T> mapper) {
        Path splits = ctx.root().resolve("splitted_dataset");
        if (Files.isDirectory(splits)) {
            List<SplitFiles.Candidate> c = List.of(
                    SplitFiles.Candidate.of(Split.TRAIN, "splitted_dataset/" + prefix + "_train.jsonl"),
                    SplitFiles.Candidate.of(Split.VALIDATION, "splitted_dataset/" + prefix + "_dev.jsonl"),
                    SplitFiles.Candidate.of(Split.TEST, "splitted_dataset/" + prefix + "_test.jsonl"));
            return SplitFiles.read(ctx, c, (file, split) -> Sources.map(Sources.jsonLines(file, ctx.problems()),
                    ctx.problems(), r -> mapper.map(r, split)));
        }
        return Sources.map(Sources.jsonArray(ctx.file(whole), ctx.problems()), ctx.problems(),
                r -> mapper.map(r, Split.UNSPLIT));
    }

    private ImageTextPair pair(JsonRow r, Split split) {
        String id = r.text("image");
        ImageRef img = new ImageRef(id, ctx.imageByStem(ctx.root().resolve("images"), id, EXTENSIONS),
                Fields.value(r.firstOf("Type")), Fields.value(r.opt("Location")), Fields.value(r.nested("Description", "Plane")));
        String caption = r.nested("Description", "Caption");
        if (caption == null) {
            throw new org.medvl.data.io.BadRecord("missing field \"Description.Caption\"");
        }
        Demographics d = Fields.demographics(r.nested("Description", "Age"), r.nested("Description", "Sex"), null);
        return new ImageTextPair(id, img, caption, split, "en", d);
    }

    private ReportStudy study(JsonRow r, Split split) {
        List<ImageRef> images = new ArrayList<>();
        Path dir = ctx.root().resolve("images");
        for (String type : List.of("TAC", "MRI")) {
            for (String id : r.list(type)) {
                images.add(new ImageRef(id, ctx.imageByStem(dir, id, EXTENSIONS), type.equals("TAC") ? "CT" : "MR",
                        null, null));
            }
        }
        Map<String, String> other = new LinkedHashMap<>();
        for (String k : List.of("Title", "Exam", "Differential Diagnosis", "Diagnosis By", "Discussion",
                "Treatment & Follow Up")) {
            String v = Fields.value(r.nested("Case", k));
            if (v != null) {
                other.put(k.toLowerCase(java.util.Locale.ROOT), v);
            }
        }
        String topic = Fields.value(r.nested("Topic", "Disease Discussion"));
        if (topic != null) {
            other.put("topic", topic);
        }
        if (!r.json().has("Case")) {
            throw new org.medvl.data.io.BadRecord("missing field \"Case\"");
        }
        ReportSections s = new ReportSections(Fields.value(r.nested("Case", "History")), "",
                Fields.value(r.nested("Case", "Findings")), Fields.value(r.nested("Case", "Case Diagnosis")), other);
        return new ReportStudy(r.text("U_id"), images, s, List.of(), split, "en", null);
    }
}
