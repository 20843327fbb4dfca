package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;
import org.medvl.metrics.classification.Prf;
import org.medvl.metrics.clinical.ClinicalEfficacy;
import org.medvl.metrics.clinical.ClinicalEfficacy.Definition;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.metrics.labeler.io.LabelCsv;
import org.medvl.metrics.labeler.io.ReportTexts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code medvl metrics clinical}: clinical-efficacy P/R/F1 of generated reports against reference reports under every
 * named definition (R2Gen, U-ones over 14 and over 5, example-based), with per-observation scores.
 */
@Command(name = "clinical", mixinStandardHelpOptions = true,
        description = "Clinical efficacy (CE) P/R/F1: r2gen, uones-14, uones-5, example-based; per observation too.",
        footer = {"", "Inputs are paired by order. Each is a label CSV from `medvl label` (used as is) or report text "
                + "(.csv/.jsonl/.txt, labelled here).", "", "Examples:",
                "  medvl metrics clinical --generated gen.jsonl --reference ref.jsonl --column report",
                "  medvl metrics clinical --generated gen-labels.csv --reference ref-labels.csv --out ce.json"})
public final class ClinicalCommand implements Callable<Integer> {
    @Mixin
    ResultOutput output;

    @Option(names = "--generated", required = true, paramLabel = "FILE", description = "Generated reports or labels.")
    Path generated;

    @Option(names = "--reference", required = true, paramLabel = "FILE", description = "Reference reports or labels.")
    Path reference;

    @Option(names = "--column", defaultValue = "report", paramLabel = "NAME",
            description = "Text column / field for text inputs; repeat to join sections. Default: ${DEFAULT-VALUE}.")
    List<String> columns;

    @Option(names = "--sections", description = "Text inputs are whole reports with headers: label only FINDINGS and "
            + "IMPRESSION.")
    boolean sections;

    @Option(names = "--definition", paramLabel = "NAME", split = ",",
            description = "Subset of r2gen, uones-14, uones-5, example-based (default: all).")
    List<String> definitions;

    @Override
    public Integer call() {
        output.checkWritable();
        List<ReportLabels> gen = labels(generated);
        List<ReportLabels> ref = labels(reference);
        if (gen.size() != ref.size()) {
            throw new MedvlException("--generated has " + gen.size() + " reports but --reference has " + ref.size()
                    + "; they are paired by order");
        }
        List<Definition> defs = new ArrayList<>();
        if (definitions == null || definitions.isEmpty()) {
            defs.addAll(List.of(Definition.values()));
        } else {
            for (String d : definitions) {
                defs.add(Definition.parse(d.trim()));
            }
        }
        ObjectNode json = JsonLines.MAPPER.createObjectNode();
        json.put("reports", gen.size());
        output.console().printf("clinical efficacy on %,d report pairs%n%n", gen.size());
        output.console().println("| definition | micro P | micro R | micro F1 | macro P | macro R | macro F1 | per-report F1 |");
        output.console().println("|---|---:|---:|---:|---:|---:|---:|---:|");
        List<ClinicalEfficacy.Result> results = new ArrayList<>();
        for (Definition d : defs) {
            ClinicalEfficacy.Result r = ClinicalEfficacy.compute(d, gen, ref);
            output.console().printf("| %s | %.4f | %.4f | %.4f | %.4f | %.4f | %.4f | %s |%n", d.id(),
                    r.micro().precision(), r.micro().recall(), r.micro().f1(), r.macro().precision(),
                    r.macro().recall(), r.macro().f1(), r.examples() == null ? "-" : String.format("%.4f",
                            r.examples().f1()));
            json.set(d.id(), toJson(r));
            results.add(r);
        }
        printPerObservation(results);
        output.write(json);
        return 0;
    }

    /** F1 per observation (rows) under each definition (columns); "-" where a definition leaves it out. */
    private void printPerObservation(List<ClinicalEfficacy.Result> results) {
        var out = output.console();
        out.printf("%n| observation | reference positives (%s) |", results.get(0).definition().id());
        results.forEach(r -> out.printf(" F1 %s |", r.definition().id()));
        out.printf("%n|---|---:|%s%n", "---:|".repeat(results.size()));
        for (Observation o : Observation.all()) {
            StringBuilder row = new StringBuilder("| " + o.displayName() + " | ");
            row.append(results.get(0).perObservation().stream().filter(s -> s.observation() == o).findFirst()
                    .map(s -> String.valueOf(s.support())).orElse("-"));
            row.append(" |");
            for (ClinicalEfficacy.Result r : results) {
                row.append(' ').append(r.perObservation().stream().filter(s -> s.observation() == o).findFirst()
                        .map(s -> String.format("%.4f", s.prf().f1())).orElse("-")).append(" |");
            }
            out.println(row);
        }
    }

    private List<ReportLabels> labels(Path file) {
        if (LabelCsv.isLabelCsv(file)) {
            return LabelCsv.read(file).stream().map(LabelCsv.Row::labels).toList();
        }
        FindingsLabeler labeler = FindingsLabeler.standard();
        return ReportTexts.read(file, columns, null).stream()
                .map(r -> sections ? labeler.labelReport(r.text()) : labeler.label(r.text())).toList();
    }

    private static ObjectNode toJson(ClinicalEfficacy.Result r) {
        ObjectNode o = JsonLines.MAPPER.createObjectNode();
        o.set("micro", prf(r.micro()));
        o.set("macro", prf(r.macro()));
        if (r.examples() != null) {
            o.set("example_based", prf(r.examples()));
        }
        ArrayNode per = o.putArray("per_observation");
        for (ClinicalEfficacy.ObservationScore s : r.perObservation()) {
            ObjectNode x = prf(s.prf());
            x.put("observation", s.observation().displayName());
            x.put("support", s.support());
            x.put("predicted", s.predicted());
            x.put("true_positives", s.tp());
            per.add(x);
        }
        return o;
    }

    static ObjectNode prf(Prf p) {
        ObjectNode o = JsonLines.MAPPER.createObjectNode();
        o.put("precision", p.precision());
        o.put("recall", p.recall());
        o.put("f1", p.f1());
        return o;
    }
}
