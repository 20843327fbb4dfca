package org.medvl.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The subcommand groups in the order {@code medvl --help} lists them. A group appears only when it has at least one
 * implemented command: there are no placeholder commands. To add a command, put its class in its group's list.
 */
final class CommandGroups {
    private CommandGroups() {
    }

    static List<CommandLine> all() {
        List<CommandLine> out = new ArrayList<>();
        group(out, "data", "List, inspect and convert the field's datasets", List.of(
                new org.medvl.cli.data.DataListCommand(), new org.medvl.cli.data.DataInspectCommand(),
                new org.medvl.cli.data.DataConvertCommand()));
        group(out, "image", "Read DICOM and other medical images: info, convert, de-identify", List.of(
                new org.medvl.cli.image.ImageInfoCommand(), new org.medvl.cli.image.ImageConvertCommand(),
                new org.medvl.cli.image.ImageDeidCommand()));
        group(out, "metrics", "Score outputs: caption, clinical efficacy, VQA, retrieval, classification", List.of(
                new org.medvl.cli.metrics.CaptionCommand(),
                new org.medvl.cli.metrics.ClinicalCommand(), new org.medvl.cli.metrics.VqaCommand(),
                new org.medvl.cli.metrics.RetrievalCommand(), new org.medvl.cli.metrics.ClassificationCommand(),
                new org.medvl.cli.metrics.TrustCommand()));
        group(out, "label", "Label reports with the 14 CheXpert findings", List.of(
                new org.medvl.cli.label.LabelCommand()));
        group(out, "train", "Train CLIP-style, report-generation and VQA models", List.of(
                new org.medvl.cli.train.TrainClipCommand(), new org.medvl.cli.train.TrainReportCommand(), new org.medvl.cli.train.TrainVqaCommand()));
        group(out, "predict", "Run a trained model on new images", List.of(
                new org.medvl.cli.predict.ZeroShotCommand(), new org.medvl.cli.predict.PredictReportCommand(), new org.medvl.cli.predict.PredictVqaCommand()));
        group(out, "eval", "Evaluate a model on a dataset split", List.of(
                new org.medvl.cli.eval.RetrievalEvalCommand(), new org.medvl.cli.eval.EvalReportCommand(), new org.medvl.cli.eval.EvalVqaCommand()));
        group(out, "bench", "Benchmarks that print side-by-side ratios", List.of(
                new org.medvl.cli.bench.TrainBenchCommand(),
                new org.medvl.cli.bench.IndexBenchCommand(), new org.medvl.cli.bench.ImageBenchCommand(),
                new org.medvl.cli.bench.VqaBenchCommand(), new org.medvl.cli.bench.TrustBenchCommand(),
                new org.medvl.cli.bench.ReportBenchCommand(), new org.medvl.cli.bench.GenerateBenchCommand(),
                new org.medvl.cli.bench.MetricsBenchCommand(),
                new org.medvl.cli.bench.LabelerBenchCommand(),
                new org.medvl.cli.bench.DataBenchCommand(), new org.medvl.cli.bench.ServeBenchCommand()));
        group(out, "index", "Similar-case search index", List.of(
                new org.medvl.cli.index.IndexBuildCommand(), new org.medvl.cli.index.IndexUpdateCommand(),
                new org.medvl.cli.index.IndexSearchCommand(), new org.medvl.cli.index.IndexInfoCommand(),
                new org.medvl.cli.index.IndexEvalCommand()));
        group(out, "serve", "Serve models: web page, REST API, FHIR", List.of(
                new org.medvl.cli.serve.ServeCommand()));
        group(out, "demo", "Generate synthetic data, train, evaluate and serve in one go", List.of(
                new org.medvl.cli.demo.DemoCommand(), new org.medvl.cli.demo.SynthCommand()));
        return out;
    }

    /**
     * A group of subcommands, or, when the first command's name is the group's own (e.g. {@code label},
     * {@code serve}, {@code demo}), that command itself with the others as its subcommands.
     */
    private static void group(List<CommandLine> out, String name, String description, List<Object> commands) {
        if (commands.isEmpty()) {
            return;
        }
        CommandLine first = new CommandLine(commands.get(0));
        if (first.getCommandName().equals(name)) { // a runnable group (e.g. `demo`): the others are its subcommands
            for (Object c : commands.subList(1, commands.size())) {
                first.addSubcommand(c);
            }
            out.add(first);
            return;
        }
        CommandSpec spec = CommandSpec.create().name(name).mixinStandardHelpOptions(true);
        spec.usageMessage().description(description).commandListHeading("%nCommands:%n")
                .synopsisSubcommandLabel("COMMAND");
        CommandLine group = new CommandLine(spec);
        for (Object c : commands) {
            group.addSubcommand(c);
        }
        out.add(group);
    }
}
