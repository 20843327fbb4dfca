package org.medvl.data.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medvl.core.record.AnswerType;
import org.medvl.core.record.Demographics;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.record.Split;
import org.medvl.core.record.VqaItem;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.JsonRow;

/**
 * The medvl manifest, version 1: one JSON Lines file, UTF-8, one record per line, accepted by every command as
 * {@code manifest:PATH}. An optional first line {@code {"kind":"header","format":"medvl-manifest","version":1,
 * "source":"vqa-rad:...","kinds":["vqa"]}} says where it came from. Every other line has "kind" and "id" and, by kind:
 * <pre>
 * common: "split": "train|validation|test|unsplit" (default unsplit), "language": "en" (default),
 *         "demographics": {"age": 73, "sex": "M", "race": "..."} (optional), "dataset": source name (optional)
 * image:  "image": "path" or {"id", "path", "modality", "body_part", "view"}; a relative path is relative to the
 *         manifest's folder
 * "vqa":   image, "question", "answer", "answer_type": "open|closed" (default: closed for yes/no), "question_type",
 *          "options": [...]
 * "pair":  image, "text"
 * "study": "images": [image...], "sections": {"indication", "comparison", "findings", "impression", "other": {...}}
 *          (or "report": free text, split into sections on read), "tags": [...]
 * </pre>
 */
public final class ManifestFormat {
    public static final String FORMAT = "medvl-manifest";
    public static final int VERSION = 1;
    static final ObjectMapper MAPPER = new ObjectMapper();

    private ManifestFormat() {
    }

    /** The header line object. */
    public static ObjectNode header(String source, List<String> kinds) {
        ObjectNode h = MAPPER.createObjectNode();
        h.put("kind", "header").put("format", FORMAT).put("version", VERSION).put("source", source);
        ArrayNode k = h.putArray("kinds");
        kinds.forEach(k::add);
        return h;
    }

    /** A VQA item as a manifest line; {@code path} maps absolute image paths to how the manifest stores them. */
    public static ObjectNode vqa(VqaItem v, String dataset, Function<String, String> path) {
        ObjectNode o = common("vqa", v.id(), dataset, v.split(), v.language());
        o.set("image", image(v.image(), path));
        o.put("question", v.question()).put("answer", v.answer()).put("answer_type", v.answerType().name().toLowerCase());
        if (v.questionType() != null) {
            o.put("question_type", v.questionType());
        }
        if (!v.options().isEmpty()) {
            ArrayNode a = o.putArray("options");
            v.options().forEach(a::add);
        }
        demographics(o, v.demographics());
        return o;
    }

    public static ObjectNode pair(ImageTextPair p, String dataset, Function<String, String> path) {
        ObjectNode o = common("pair", p.id(), dataset, p.split(), p.language());
        o.set("image", image(p.image(), path));
        o.put("text", p.text());
        demographics(o, p.demographics());
        return o;
    }

    public static ObjectNode study(ReportStudy s, String dataset, Function<String, String> path) {
        ObjectNode o = common("study", s.id(), dataset, s.split(), s.language());
        ArrayNode imgs = o.putArray("images");
        s.images().forEach(i -> imgs.add(image(i, path)));
        ObjectNode sec = o.putObject("sections");
        ReportSections r = s.sections();
        sec.put("indication", r.indication()).put("comparison", r.comparison()).put("findings", r.findings())
                .put("impression", r.impression());
        if (!r.other().isEmpty()) {
            ObjectNode other = sec.putObject("other");
            r.other().forEach(other::put);
        }
        if (!s.tags().isEmpty()) {
            ArrayNode t = o.putArray("tags");
            s.tags().forEach(t::add);
        }
        demographics(o, s.demographics());
        return o;
    }

    private static ObjectNode common(String kind, String id, String dataset, Split split, String language) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("kind", kind).put("id", id);
        if (dataset != null) {
            o.put("dataset", dataset);
        }
        o.put("split", split.id()).put("language", language);
        return o;
    }

    private static ObjectNode image(ImageRef i, Function<String, String> path) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", i.id()).put("path", path.apply(i.path()));
        if (i.modality() != null) {
            o.put("modality", i.modality());
        }
        if (i.bodyPart() != null) {
            o.put("body_part", i.bodyPart());
        }
        if (i.view() != null) {
            o.put("view", i.view());
        }
        return o;
    }

    private static void demographics(ObjectNode o, Demographics d) {
        if (d.isUnknown()) {
            return;
        }
        ObjectNode n = o.putObject("demographics");
        if (d.age() != null) {
            n.put("age", d.age());
        }
        if (d.sex() != null) {
            n.put("sex", d.sex());
        }
        if (d.race() != null) {
            n.put("race", d.race());
        }
    }

    // ---- reading

    /** Resolves a stored image path; relative paths are relative to the manifest's folder. */
    interface PathResolver {
        String resolve(String stored);
    }

    static VqaItem readVqa(JsonRow r, PathResolver paths) {
        String answer = r.text("answer");
        String type = r.opt("answer_type");
        AnswerType at;
        try {
            at = type != null ? AnswerType.parse(type)
                    : answer.trim().equalsIgnoreCase("yes") || answer.trim().equalsIgnoreCase("no") ? AnswerType.CLOSED
                    : AnswerType.OPEN;
        } catch (IllegalArgumentException e) {
            throw new BadRecord(e.getMessage());
        }
        return new VqaItem(r.text("id"), readImage(r.json().get("image"), "image", paths), r.text("question"), answer,
                at, r.opt("question_type"), split(r), r.opt("language"), r.list("options"), readDemographics(r));
    }

    static ImageTextPair readPair(JsonRow r, PathResolver paths) {
        return new ImageTextPair(r.text("id"), readImage(r.json().get("image"), "image", paths), r.text("text"),
                split(r), r.opt("language"), readDemographics(r));
    }

    static ReportStudy readStudy(JsonRow r, PathResolver paths) {
        List<ImageRef> images = new ArrayList<>();
        JsonNode imgs = r.json().get("images");
        if (imgs != null && imgs.isArray()) {
            int i = 0;
            for (JsonNode n : imgs) {
                images.add(readImage(n, "images[" + i++ + "]", paths));
            }
        }
        ReportSections sections;
        JsonNode sec = r.json().get("sections");
        if (sec != null && sec.isObject()) {
            Map<String, String> other = new LinkedHashMap<>();
            JsonNode o = sec.get("other");
            if (o != null && o.isObject()) {
                for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
                    var e = it.next();
                    other.put(e.getKey(), e.getValue().asText());
                }
            }
            sections = new ReportSections(text(sec, "indication"), text(sec, "comparison"), text(sec, "findings"),
                    text(sec, "impression"), other);
        } else if (r.opt("report") != null) {
            sections = org.medvl.core.text.ReportSectionParser.parse(r.opt("report"));
        } else {
            throw new BadRecord("a study needs \"sections\" or \"report\"");
        }
        return new ReportStudy(r.text("id"), images, sections, r.list("tags"), split(r), r.opt("language"),
                readDemographics(r));
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        return v == null || v.isNull() ? "" : v.asText();
    }

    private static ImageRef readImage(JsonNode n, String field, PathResolver paths) {
        if (n == null || n.isNull()) {
            throw new BadRecord("missing field \"" + field + "\"");
        }
        if (n.isTextual()) {
            String p = paths.resolve(n.asText());
            return ImageRef.of(org.medvl.data.LoadContext.stem(p), p);
        }
        if (!n.isObject() || n.get("path") == null || !n.get("path").isTextual()) {
            throw new BadRecord("field \"" + field + "\" must be a path or an object with \"path\"");
        }
        String p = paths.resolve(n.get("path").asText());
        String id = n.hasNonNull("id") ? n.get("id").asText() : org.medvl.data.LoadContext.stem(p);
        return new ImageRef(id, p, opt(n, "modality"), opt(n, "body_part"), opt(n, "view"));
    }

    private static String opt(JsonNode n, String f) {
        JsonNode v = n.get(f);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Split split(JsonRow r) {
        try {
            return Split.parse(r.opt("split"));
        } catch (IllegalArgumentException e) {
            throw new BadRecord(e.getMessage());
        }
    }

    private static Demographics readDemographics(JsonRow r) {
        JsonNode d = r.json().get("demographics");
        if (d == null || !d.isObject()) {
            return Demographics.UNKNOWN;
        }
        JsonNode age = d.get("age");
        if (age != null && !age.isNull() && !age.canConvertToInt()) {
            throw new BadRecord("demographics.age must be a whole number");
        }
        try {
            return new Demographics(age == null || age.isNull() ? null : age.asInt(), opt(d, "sex"), opt(d, "race"));
        } catch (IllegalArgumentException e) {
            throw new BadRecord("demographics: " + e.getMessage());
        }
    }

    /**
     * How a writer stores a record's image path: relative to the manifest folder when the image lies inside it (the
     * manifest then moves with its data), absolute otherwise (the manifest can move alone).
     */
    public static Function<String, String> relativeTo(Path manifestDir) {
        Path dir = manifestDir.toAbsolutePath().normalize();
        return p -> {
            Path abs = Path.of(p).toAbsolutePath().normalize();
            return abs.startsWith(dir) ? dir.relativize(abs).toString() : abs.toString();
        };
    }
}
