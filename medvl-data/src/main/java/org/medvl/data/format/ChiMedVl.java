package org.medvl.data.format;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.medvl.core.record.ImageRef;
import org.medvl.core.record.ImageTextPair;
import org.medvl.core.record.Split;
import org.medvl.data.FileDataset;
import org.medvl.data.LoadContext;
import org.medvl.data.RecordKind;
import org.medvl.data.io.BadRecord;
import org.medvl.data.io.JsonRow;
import org.medvl.data.io.Sources;

/**
 * ChiMed-VL (Liu et al., Qilin-Med-VL 2023), the Chinese alignment subset: JSON arrays in the LLaVA conversation
 * format the Qilin-Med-VL training scripts read, {id, image, conversations: [{from: "human", value: "<image>..."},
 * {from: "gpt", value: caption}]}, in {@code ChiMed-VL-Alignment/*.json} or at the root; images under
 * {@code images/}. Each record gives one pair whose text is the first "gpt" turn, language "zh".
 */
public final class ChiMedVl extends FileDataset {
    public ChiMedVl(LoadContext ctx) {
        super(ctx, RecordKind.PAIR);
    }

    @Override
    protected Stream<ImageTextPair> readPairs() {
        if (ctx.spec().split().isPresent()) {
            return Stream.empty(); // released without splits
        }
        Path images = Folders.first(ctx, "images", ".");
        List<Path> files = Folders.list(ctx, ctx.root().resolve("ChiMed-VL-Alignment"), Folders.endsWith(".json"));
        if (files.isEmpty()) {
            files = Folders.list(ctx, ctx.root(), Folders.endsWith(".json"));
        }
        return files.stream().flatMap(f -> Sources.map(Sources.jsonArray(f, ctx.problems()), ctx.problems(),
                r -> pair(r, images)));
    }

    private ImageTextPair pair(JsonRow r, Path images) {
        ImageRef img = ctx.image(images, r.text("image"));
        JsonNode turns = r.json().get("conversations");
        if (turns == null || !turns.isArray()) {
            throw new BadRecord("missing field \"conversations\"");
        }
        for (JsonNode t : turns) {
            if ("gpt".equals(t.path("from").asText()) && !t.path("value").asText().isBlank()) {
                String id = r.opt("id") != null ? r.opt("id") : img.id();
                return new ImageTextPair(id, img, t.path("value").asText().trim(), Split.UNSPLIT, "zh", null);
            }
        }
        throw new BadRecord("no \"gpt\" turn with text in \"conversations\"");
    }
}
