package org.medvl.cli.demo.flow;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.nn.ImageEncoderConfig;
import org.medvl.models.report.ReportConfig;
import org.medvl.models.report.ReportExample;
import org.medvl.models.report.ReportModel;
import org.medvl.models.report.ReportTrainOptions;
import org.medvl.models.report.ReportTrainer;
import org.medvl.models.train.AugmentConfig;
import org.medvl.models.train.ImageTensors;
import org.medvl.models.train.InMemoryImages;
import org.medvl.models.train.PipelineImages;

/** Trains a compact report-generation model and scores its reports on the held-out studies ({@link ReportEval}). */
final class ReportStep implements DemoStep {
    static final String TASK = "report";
    private static final int MAX_TOKENS = 80;

    @Override
    public String task() {
        return TASK;
    }

    @Override
    public String unavailableReason(DemoData data) {
        return data.studies().usable() ? null
                : "the data has no report studies with images in both a train and a held-out part";
    }

    /**
     * A compact Transformer decoder over the image grid; its image encoder has the demo CLIP model's architecture, so
     * it starts from that model's weights when the CLIP step ran.
     */
    static ReportConfig config(DemoSettings s) {
        return new ReportConfig(ReportConfig.TASK, ImageEncoderConfig.resnet(ClipStep.IMAGE_WIDTH, 1), s.modelSize(),
                1, "transformer", 128, 2, 4, 0.1f, MAX_TOKENS, 0, 1, 3);
    }

    @Override
    public void train(DemoData data, DemoSettings s, Path runDir, Path modelDir) {
        List<ReportExample> train = data.studies().train().stream()
                .map(st -> ReportExample.of(st, ReportSections::findingsAndImpression)).toList();
        Path clip = modelDir.resolveSibling(ClipStep.TASK);
        // Batch 8: on synthetic reports the number of updates, not the batch size, decided whether findings were
        // learned (measured: 155 steps of 16 gave CE micro-F1 0.25, 610 steps of 8 gave 0.62; chance 0.20).
        ReportTrainOptions options = new ReportTrainOptions(s.reportEpochs(), 8, 1e-3f, 1e-5f, 50, 0.05f, 1f, 0.1f,
                s.seed(), 0, AugmentConfig.none(), 2, s.reportEpochs(), 0,
                Files.isDirectory(clip) ? clip.toString() : null);
        List<Path> files = train.stream().flatMap(e -> e.images().stream()).distinct().toList();
        // Decoded once up front: decoding on loader threads while the engine computes corrupted training (issue 7).
        ImageTensors images = InMemoryImages.cache(PipelineImages.grey(s.modelSize()), files);
        boolean resume = Files.isDirectory(runDir.resolve("checkpoint"));
        if (!resume) {
            AtomicFiles.deleteTree(runDir); // a run killed before its first checkpoint: start it again
        }
        ReportTrainer.Result r = new ReportTrainer(config(s), options, images).train(train, List.of(), runDir, resume,
                null);
        DemoStep.moveInto(r.model(), modelDir);
    }

    @Override
    public void evaluate(DemoData data, DemoSettings s, Path modelDir, Path predictionsDir, Summary summary) {
        List<ReportStudy> test = data.studies().test();
        List<List<Path>> images = test.stream().map(st -> st.images().stream().map(i -> Path.of(i.path())).toList())
                .toList();
        List<String> generated;
        try (ReportWriter writer = MedvlModels.openReportWriter(modelDir)) {
            if (writer instanceof ReportModel m) { // batched decoding, with the decoding the workbench uses
                generated = m.writeReports(images, m.decoding());
            } else {
                generated = new ArrayList<>(test.size());
                images.forEach(im -> generated.add(writer.writeReport(im)));
            }
        }
        ReportEval.score(TASK, data, generated, s.seed(), summary);
        AtomicFiles.writeText(predictionsDir.resolve("reports.tsv"), w -> {
            w.write("id\treference\tgenerated\n");
            for (int i = 0; i < test.size(); i++) {
                w.write(test.get(i).id() + "\t" + flat(ReportEval.text(test.get(i))) + "\t" + flat(generated.get(i))
                        + "\n");
            }
        });
    }

    private static String flat(String s) {
        return s.replace('\t', ' ').replace('\n', ' ');
    }
}
