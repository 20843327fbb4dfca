package org.medvl.cli.predict;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.io.AtomicFiles;
import org.medvl.models.api.MedvlModels;
import org.medvl.models.report.ReportModel;
import org.medvl.models.report.decode.DecodeOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Parameters;

/** {@code medvl predict report}: write a draft report for the images of one study. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a report for the images of one study with a trained report model")
public final class PredictReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, description = "A medvl report model directory (train report's model/)")
    Path model;

    @Parameters(arity = "1..*", paramLabel = "IMAGE", description = "The study's images (PNG, JPEG, DICOM, ...)")
    List<Path> images;

    @Mixin
    ReportDecodingOptions decoding = new ReportDecodingOptions();

    @Option(names = "--out", description = "Also write the report and the decoding settings as JSON to this file")
    Path outFile;

    @Override
    public Integer call() throws Exception {
        java.io.PrintWriter stdout = spec.commandLine().getOut();
        java.io.PrintWriter stderr = spec.commandLine().getErr();
        MedvlModels.Task task = MedvlModels.requireTask(model);
        if (task != MedvlModels.Task.REPORT) {
            throw new org.medvl.core.MedvlException("model directory " + model + " holds a "
                    + task.name().toLowerCase(java.util.Locale.ROOT) + " model, not a report model");
        }
        try (ReportModel m = ReportModel.open(model)) {
            DecodeOptions options = decoding.options(m.config().maxLength());
            String report = m.writeReports(List.of(images), options).get(0);
            stdout.println(report);
            if (outFile != null) {
                ObjectMapper om = new ObjectMapper();
                ObjectNode json = om.createObjectNode();
                json.set("images", om.valueToTree(images.stream().map(Path::toString).toList()));
                json.put("report", report);
                json.set("decoding", om.valueToTree(options));
                AtomicFiles.writeString(outFile, om.writerWithDefaultPrettyPrinter().writeValueAsString(json));
                stderr.println("report: " + outFile);
            }
        }
        return 0;
    }
}
