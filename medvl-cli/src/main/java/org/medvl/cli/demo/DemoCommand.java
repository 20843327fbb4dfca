package org.medvl.cli.demo;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.medvl.cli.demo.flow.DemoFlow;
import org.medvl.cli.demo.flow.DemoSettings;
import org.medvl.models.train.EngineThreads;
import org.medvl.server.Workbench;
import org.medvl.server.WorkbenchConfig;
import org.medvl.server.models.ModelDirectory;
import org.medvl.server.models.ModelSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medvl demo}: the whole job on a fresh machine. Generates a SYNTHETIC chest-radiograph set (or opens
 * {@code --data}), trains compact CLIP, report and VQA models, scores them next to chance levels, writes
 * {@code summary.json}, and serves the models in the workbench until Ctrl-C.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate SYNTHETIC chest radiographs, train compact CLIP, report and VQA models, evaluate them "
                + "against chance, and open the workbench with them (Ctrl-C stops).",
        footer = {"", "Examples:",
                "  medvl demo                                  # into ./medvl-demo, then serves on port 8080",
                "  medvl demo --out runs/demo --seed 7 --no-serve",
                "  medvl demo --data vqa-rad:../shared/data/vqa-rad --out runs/demo-vqarad",
                "", "Re-running into the same --out with the same settings reuses its trained models; other settings "
                + "are refused unless --force replaces the earlier demo run. A folder medvl demo did not make is "
                + "never touched."})
public final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-o", "--out"}, defaultValue = "medvl-demo", paramLabel = "DIR",
            description = "Run folder: data, training runs, models, predictions, summary.json (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "N",
            description = "Seed of the data, the training and the baselines (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--images", paramLabel = "N", description = "Synthetic images to generate (default 1000).")
    Integer images;

    @Option(names = "--epochs", paramLabel = "N", description = "Training epochs of every model (default: CLIP 8, report 8, VQA 3).")
    Integer epochs;

    @Option(names = "--data", paramLabel = "NAME:PATH",
            description = "Run on a real dataset instead of synthetic data, e.g. vqa-rad:../shared/data/vqa-rad.")
    String data;

    @Option(names = "--port", defaultValue = "8080", description = "Workbench port (0: any free one; default 8080).")
    int port;

    @Option(names = "--no-serve", description = "Stop after the summary instead of starting the workbench.")
    boolean noServe;

    @Option(names = "--force", description = "Replace an earlier demo run in --out that used other settings.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        EngineThreads.set(1); // one intra-op thread is fastest on small shared machines (see EngineThreads)
        DemoSettings s = DemoSettings.defaults().withSeed(seed);
        if (images != null) {
            s = s.withImages(images);
        }
        if (epochs != null) {
            s = s.withEpochs(epochs, epochs, epochs);
        }
        if (data != null) {
            s = s.withData(data).withImages(0);
        }
        PrintStream log = System.err;
        DemoFlow.Outcome o = DemoFlow.run(out, s, force, log);
        o.summary().print(System.out);
        System.out.printf("%ngeneration + training %.1f s, whole run %.1f s; summary: %s%n", o.trainingSeconds(),
                o.totalSeconds(), o.folder().summary());
        if (!noServe) {
            serve(o, log);
        }
        return o.summary().failed() ? 1 : 0;
    }

    private void serve(DemoFlow.Outcome o, PrintStream log) throws InterruptedException {
        ModelSet set = ModelDirectory.load(o.folder().models(), log::println);
        Workbench server = Workbench.start(WorkbenchConfig.local(port), set);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "medvl-demo-shutdown"));
        for (ModelSet.Panel p : set.panels()) {
            System.out.println("  " + p.panel() + ": " + (p.enabled() ? p.model() : "off (" + p.note() + ")"));
        }
        if (!o.data().studies().test().isEmpty()) {
            System.out.println("  try a held-out image: " + o.data().studies().test().get(0).images().get(0).path());
        }
        System.out.println("medvl workbench at " + server.url() + "/  (Ctrl-C stops)");
        System.out.flush();
        stopped.await();
    }
}
