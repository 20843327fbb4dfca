package org.medvl.data.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.Sources;

/**
 * FFA-IR (Li et al., NeurIPS 2021 Datasets): {@code ffair_annotation.json} = {"train"|"val"|"test": {case_id:
 * {"Image_path": [...], "En_Report": "...", "Ch_Report": "...", "Lesion_info": ...}}}, image paths relative to the
 * image folder {@code FFAIR/} (or {@code images/}). Image_path may be a list or, as the authors' loader evaluates it,
 * a Python list literal in a string. Each case gives an English study and, when present, a Chinese one ("-zh" id).
 */
public final class FfaIr extends FileDataset {
    public FfaIr(LoadContext ctx) {
        super(ctx, RecordKind.STUDY);
    }

    @Override
    protected Stream<ReportStudy> readStudies() {
        Path file = ctx.file("ffair_annotation.json");
        JsonNode root = Sources.jsonTree(file, ctx.problems());
        if (root == null) {
            return Stream.empty();
        }
        Path images = Folders.first(ctx, "FFAIR", "images");
        List<ReportStudy> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> splits = root.fields(); splits.hasNext(); ) {
            var s = splits.next();
            Split split = Fields.split(s.getKey());
            if (!ctx.wants(split)) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> cases = s.getValue().fields(); cases.hasNext(); ) {
                var c = cases.next();
                try {
                    addCase(out, c.getKey(), c.getValue(), split, images);
                } catch (BadRecord e) {
                    ctx.problems().skipped(file, 0, s.getKey() + "/" + c.getKey(), e.getMessage());
                }
            }
        }
        return out.stream();
    }

    private void addCase(List<ReportStudy> out, String id, JsonNode c, Split split, Path images) {
        List<ImageRef> refs = new ArrayList<>();
        for (String p : imagePaths(c.get("Image_path"))) {
            String path = ctx.imagePath(images, p);
            refs.add(new ImageRef(LoadContext.stem(path), path, "FFA", "EYE", null));
        }
        String en = text(c, "En_Report");
        String zh = text(c, "Ch_Report");
        if (en == null && zh == null) {
            throw new BadRecord("missing field \"En_Report\"");
        }
        if (en != null) {
            out.add(new ReportStudy(id, refs, ReportSections.of(en, ""), List.of(), split, "en", null));
        }
        if (zh != null) {
            out.add(new ReportStudy(id + "-zh", refs, ReportSections.of(zh, ""), List.of(), split, "zh", null));
        }
    }

    private static String text(JsonNode c, String field) {
        JsonNode v = c.get(field);
        return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().trim();
    }

    /** A JSON list, or a string holding a Python list literal "['a.jpg', 'b.jpg']". */
    static List<String> imagePaths(JsonNode v) {
        List<String> out = new ArrayList<>();
        if (v == null || v.isNull()) {
            throw new BadRecord("missing field \"Image_path\"");
        }
        if (v.isArray()) {
            v.forEach(e -> out.add(e.asText()));
            return out;
        }
        String s = v.asText().trim();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        for (String part : s.split(",")) {
            String p = part.trim();
            if (p.length() >= 2 && (p.startsWith("'") || p.startsWith("\""))) {
                p = p.substring(1, p.length() - 1);
            }
            if (!p.isEmpty()) {
                out.add(p);
            }
        }
        return out;
    }
}
