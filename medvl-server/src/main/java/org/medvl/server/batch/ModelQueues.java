package org.medvl.server.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.VisualQuestion;
import org.medvl.models.api.ZeroShotClassifier.LabelScore;
import org.medvl.models.clip.ClipAdapter;
import org.medvl.server.models.ModelSet;
import org.medvl.server.models.SimilarCases;

/**
 * One {@link MicroBatcher} per loaded model of a {@link ModelSet}; null where the model is absent. CLIP zero-shot runs
 * its batches through {@link ClipAdapter#classifyAll} (one image-encoder pass per batch); the api interfaces without a
 * batch method run a batch's requests one after another on the model's worker.
 */
public final class ModelQueues implements AutoCloseable {
    /** A zero-shot request. */
    public record FindingsRequest(Path image, List<String> labels) {
    }

    /** A similar-case request. */
    public record SimilarRequest(Path image, int k) {
    }

    public final MicroBatcher<List<Path>, String> report;
    public final MicroBatcher<VisualQuestion, ModelAnswer> vqa;
    public final MicroBatcher<FindingsRequest, List<LabelScore>> findings;
    public final MicroBatcher<SimilarRequest, List<SimilarCases.Case>> similar;

    public ModelQueues(ModelSet models, BatchPolicy policy, BatchListener listener) {
        report = models.report() == null ? null
                : MicroBatcher.perItem("report", models.report()::writeReport, policy, listener);
        vqa = models.vqa() == null ? null : MicroBatcher.perItem("vqa", models.vqa()::answer, policy, listener);
        if (models.zeroShot() instanceof ClipAdapter clip) {
            findings = new MicroBatcher<>("findings", in -> clip.classifyAll(
                    in.stream().map(FindingsRequest::image).toList(), in.stream().map(FindingsRequest::labels).toList()),
                    policy, listener);
        } else if (models.zeroShot() != null) {
            var z = models.zeroShot();
            findings = MicroBatcher.perItem("findings", r -> z.classify(r.image(), r.labels()), policy, listener);
        } else {
            findings = null;
        }
        similar = models.similar() == null ? null : MicroBatcher.perItem("similar",
                r -> models.similar().similarTo(r.image(), r.k()), policy, listener);
    }

    /** The batchers that exist. */
    public List<MicroBatcher<?, ?>> all() {
        List<MicroBatcher<?, ?>> out = new ArrayList<>();
        for (MicroBatcher<?, ?> b : new MicroBatcher<?, ?>[] {report, vqa, findings, similar}) {
            if (b != null) {
                out.add(b);
            }
        }
        return out;
    }

    /** Whether any queue is full (readiness reports not ready then). */
    public boolean saturated() {
        return all().stream().anyMatch(b -> b.depth() >= b.capacity());
    }

    @Override
    public void close() {
        all().forEach(MicroBatcher::close);
    }
}
