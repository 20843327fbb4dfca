package org.medvl.cli.demo.flow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.medvl.core.MedvlException;
import org.medvl.synth.Prevalence;
import org.medvl.synth.SynthConfig;
import org.medvl.synth.SynthDatasetWriter;

/**
 * The whole demo minus serving: generate (or open) the data, train a compact CLIP, report and VQA model, score each
 * next to its chance level, and write {@code summary.json}. Steps whose model is already in the folder (a resumed
 * run with the same settings) are not trained again; steps the data or this build cannot do are listed as not
 * available, never faked.
 */
public final class DemoFlow {
    /** What a run produced. */
    public record Outcome(DemoFolder folder, DemoData data, Summary summary, double trainingSeconds,
                          double totalSeconds) {
    }

    private DemoFlow() {
    }

    public static Outcome run(Path out, DemoSettings s, boolean force, PrintStream log) {
        long start = System.nanoTime();
        DemoFolder folder = DemoFolder.open(out, s, force);
        if (folder.resumed()) {
            log.println("demo: " + out + " holds an earlier run with the same settings; reusing its finished steps");
        }
        DemoData data;
        double trainingSeconds = 0;
        if (s.synthetic()) {
            if (!Files.isDirectory(folder.data())) {
                long t = System.nanoTime();
                SynthConfig config = new SynthConfig(s.seed(), s.size(), 8, Prevalence.DEFAULT.with(s.prevalence()), 0,
                        s.testFraction());
                SynthDatasetWriter.Summary w = SynthDatasetWriter.write(config, s.images(), folder.data(), false,
                        Runtime.getRuntime().availableProcessors());
                trainingSeconds += seconds(t);
                log.printf("demo: generated %,d SYNTHETIC chest radiographs (%dx%d) with reports and %,d VQA pairs "
                        + "in %.1f s -> %s%n", w.images(), s.size(), s.size(), w.vqaPairs(), seconds(t), folder.data());
            }
            data = DemoData.synthetic(folder.data(), s.evalLimit());
        } else {
            data = DemoData.of(s.data(), s.seed(), s.evalLimit());
        }
        log.printf("demo: %s%n  clip: %,d train / %,d held-out pairs; report: %,d / %,d studies; vqa: %,d / %,d "
                        + "questions%n", data.name(), data.pairs().train().size(), data.pairs().test().size(),
                data.studies().train().size(), data.studies().test().size(), data.vqa().train().size(),
                data.vqa().test().size());
        Summary summary = new Summary(data.name(), s.seed(), s.synthetic());
        List<DemoStep> steps = List.of(new ClipStep(), new ReportStep(), new VqaStep());
        boolean[] ready = new boolean[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            DemoStep step = steps.get(i);
            String reason = step.unavailableReason(data);
            if (reason != null) {
                summary.step(new Summary.Step(step.task(), "not available", reason, 0));
                log.println("demo: " + step.task() + ": not available: " + reason);
                continue;
            }
            Path model = folder.model(step.task());
            if (Files.isDirectory(model)) {
                summary.step(new Summary.Step(step.task(), "reused", model.toString(), 0));
                log.println("demo: " + step.task() + ": reusing the model in " + model);
            } else {
                long t = System.nanoTime();
                log.println("demo: training the " + step.task() + " model ...");
                try {
                    step.train(data, s, folder.run(step.task()), model);
                } catch (MedvlException e) { // e.g. diverged: report it and go on with the other models
                    summary.step(new Summary.Step(step.task(), "failed", e.getMessage(), round(seconds(t))));
                    log.println("demo: " + step.task() + ": training failed: " + e.getMessage());
                    continue;
                }
                double took = seconds(t);
                trainingSeconds += took;
                summary.step(new Summary.Step(step.task(), "trained", model.toString(), round(took)));
                log.printf("demo: %s model trained in %.1f s -> %s%n", step.task(), took, model);
            }
            ready[i] = true;
        }
        try {
            Files.createDirectories(folder.predictions());
        } catch (IOException e) {
            throw new MedvlException("cannot create " + folder.predictions() + ": " + e.getMessage(), e);
        }
        for (int i = 0; i < steps.size(); i++) {
            if (ready[i]) {
                log.println("demo: evaluating the " + steps.get(i).task() + " model on held-out data ...");
                steps.get(i).evaluate(data, s, folder.model(steps.get(i).task()), folder.predictions(),
                        summary);
            }
        }
        summary.write(folder.summary());
        return new Outcome(folder, data, summary, trainingSeconds, seconds(start));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static double round(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }
}
