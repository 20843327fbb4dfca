package org.medvl.cli.data;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medvl.core.io.AtomicFiles;
import org.medvl.core.io.JsonLines;
import org.medvl.data.Dataset;
import org.medvl.data.inspect.DatasetInspector;
import org.medvl.data.inspect.ImageCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medvl data inspect}: statistics and problems of one dataset. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
        description = "Counts per split, missing/undecodable images, answer and question types, text lengths, languages, demographics.")
public final class DataInspectCommand implements Callable<Integer> {
    @Mixin
    DatasetOption dataset;

    @Option(names = "--images", paramLabel = "CHECK", defaultValue = "exists",
            description = "How to check images: none, exists (default) or decode (PNG/JPEG with javax.imageio, DICOM magic).")
    String images;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON to FILE.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ImageCheck check = switch (images.toLowerCase(java.util.Locale.ROOT)) {
            case "none" -> ImageCheck.NONE;
            case "exists" -> ImageCheck.EXISTS;
            case "decode" -> ImageCheck.DECODE;
            default -> throw new IllegalArgumentException("--images must be none, exists or decode, not '" + images + "'");
        };
        Dataset ds = dataset.open();
        Map<String, Object> report = new DatasetInspector(check, true).inspect(ds);
        PrintWriter out = spec.commandLine().getOut();
        out.print(DatasetInspector.toText(report));
        if (json != null) {
            AtomicFiles.writeString(json, JsonLines.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(report)
                    + "\n");
            out.println("report written to " + json);
        }
        out.flush();
        return 0;
    }
}
