package org.medvl.cli.label;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import org.medvl.core.MedvlException;
import org.medvl.core.io.Progress;
import org.medvl.core.io.SharedData;
import org.medvl.metrics.labeler.FindingState;
import org.medvl.metrics.labeler.FindingsLabeler;
import org.medvl.metrics.labeler.Observation;
import org.medvl.metrics.labeler.ReportLabels;
import org.medvl.metrics.labeler.Vocabulary;
import org.medvl.metrics.labeler.eval.IuLabelerEvaluation;
import org.medvl.metrics.labeler.io.LabelCsv;
import org.medvl.metrics.labeler.io.ReportTexts;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medvl label}: labels reports with the 14 CheXpert observations (1 / 0 / -1 / blank) and writes a
 * CheXpert-layout CSV; or labels one text given inline; or measures the labeler against IU X-ray's MeSH tags.
 */
@Command(name = "label", mixinStandardHelpOptions = true,
        description = "Label reports with the 14 CheXpert findings (positive/negative/uncertain/not mentioned).",
        footer = {"", "Examples:",
                "  medvl label --in reports.csv --column findings --column impression --out labels.csv",
                "  medvl label --in reports.jsonl --column report --out labels.csv --threads 4",
                "  medvl label --text \"Small left effusion. No pneumothorax.\"",
                "  medvl label --evaluate-iu ../shared/data/iu-xray-reports"})
public final class LabelCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    static final class Mode {
        @ArgGroup(exclusive = false)
        Batch batch;

        @Option(names = "--text", paramLabel = "REPORT", description = "Label this one report and print its mentions.")
        String text;

        @Option(names = "--evaluate-iu", paramLabel = "DIR", arity = "0..1", fallbackValue = "",
                description = "Print the quality table against IU X-ray MeSH tags (default: the shared "
                        + "iu-xray-reports folder).")
        String evaluateIu;
    }

    static final class Batch {
        @Option(names = "--in", required = true, paramLabel = "FILE",
                description = "Reports: .csv (with header), .jsonl, or .txt (one report a line).")
        Path in;

        @Option(names = "--out", required = true, paramLabel = "FILE.csv", description = "Label CSV to write.")
        Path out;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Mode mode;

    @Option(names = "--column", paramLabel = "NAME", defaultValue = "report",
            description = "CSV column / JSON field with report text; repeat to join sections, e.g. --column findings "
                    + "--column impression. Default: ${DEFAULT-VALUE}.")
    List<String> columns;

    @Option(names = "--id-column", paramLabel = "NAME",
            description = "Column / field with the report id (default: uid, id or study_id when present, else the row "
                    + "number).")
    String idColumn;

    @Option(names = "--mentions", paramLabel = "FILE", description = "Extra mention phrases (format of the bundled "
            + "mentions.tsv: Observation<TAB>pattern[<TAB>negative|uncertain|ignore]).")
    List<Path> mentions = new ArrayList<>();

    @Option(names = "--cues", paramLabel = "FILE", description = "Extra negation/uncertainty cues (format of the bundled "
            + "cues.tsv: type<TAB>pattern).")
    List<Path> cues = new ArrayList<>();

    @Option(names = "--sections", description = "Texts are whole reports with headers: label only their FINDINGS and "
            + "IMPRESSION sections (texts without those headers are labelled whole).")
    boolean sections;

    @Option(names = "--show-errors", paramLabel = "N", description = "With --evaluate-iu: list the first N reports "
            + "where labels and tags disagree (for vocabulary work).")
    int showErrors;

    @Option(names = "--with-text", description = "Also write the report text in a \"Reports\" column.")
    boolean withText;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: available cores).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--force", description = "Replace an existing --out file.")
    boolean force;

    @Override
    public Integer call() {
        FindingsLabeler labeler = labeler();
        if (mode.text != null) {
            printOne(labeler, mode.text);
            return 0;
        }
        if (mode.evaluateIu != null) {
            Path dir = mode.evaluateIu.isEmpty()
                    ? SharedData.dataset("iu-xray-reports").orElseThrow(() ->
                            new MedvlException(SharedData.missingMessage("iu-xray-reports")))
                    : Path.of(mode.evaluateIu);
            IuLabelerEvaluation.Result result = IuLabelerEvaluation.evaluate(dir, labeler);
            out().print(IuLabelerEvaluation.format(result));
            if (showErrors > 0) {
                out().printf("%nfirst %d disagreements (uid, observation, tagged?, label):%n", showErrors);
                result.disagreements().stream().limit(showErrors).forEach(d -> out().printf("  %s  %s  %s  %s%n",
                        d.uid(), d.observation().displayName(), d.tagged() ? "tagged" : "not tagged", d.label()));
            }
            out().flush();
            return 0;
        }
        return labelFile(labeler, mode.batch);
    }

    private FindingsLabeler labeler() {
        if (mentions.isEmpty() && cues.isEmpty()) {
            return FindingsLabeler.standard();
        }
        Vocabulary v = Vocabulary.builtIn();
        for (Path p : mentions) {
            v = v.withMentions(p);
        }
        for (Path p : cues) {
            v = v.withCues(p);
        }
        return new FindingsLabeler(v);
    }

    private int labelFile(FindingsLabeler labeler, Batch b) {
        if (Files.exists(b.out) && !force) {
            throw new MedvlException(b.out + " exists; pass --force to replace it");
        }
        if (threads < 1) {
            throw new MedvlException("--threads must be at least 1");
        }
        List<ReportTexts.Report> reports = ReportTexts.read(b.in, columns, idColumn);
        ReportLabels[] labels = new ReportLabels[reports.size()];
        try (Progress progress = Progress.start("label", reports.size())) {
            Runnable work = () -> IntStream.range(0, reports.size()).parallel().forEach(i -> {
                labels[i] = labelOne(labeler, reports.get(i).text());
                progress.step();
            });
            if (threads == 1) {
                for (int i = 0; i < reports.size(); i++) {
                    labels[i] = labelOne(labeler, reports.get(i).text());
                    progress.step();
                }
            } else {
                var pool = new java.util.concurrent.ForkJoinPool(threads);
                try {
                    pool.submit(work).join();
                } finally {
                    pool.shutdown();
                }
            }
        }
        List<String> ids = reports.stream().map(ReportTexts.Report::id).toList();
        List<String> texts = withText ? reports.stream().map(ReportTexts.Report::text).toList() : null;
        LabelCsv.write(b.out, ids, texts, List.of(labels));
        int[] positives = new int[Observation.all().size()];
        for (ReportLabels l : labels) {
            for (Observation o : l.positives()) {
                positives[o.ordinal()]++;
            }
        }
        out().printf("labelled %,d reports from %s -> %s%n", reports.size(), b.in, b.out);
        for (Observation o : Observation.all()) {
            out().printf("  %-27s %,7d positive%n", o.displayName(), positives[o.ordinal()]);
        }
        return 0;
    }

    private ReportLabels labelOne(FindingsLabeler labeler, String text) {
        return sections ? labeler.labelReport(text) : labeler.label(text);
    }

    private void printOne(FindingsLabeler labeler, String text) {
        ReportLabels l = labeler.label(text);
        for (Observation o : Observation.all()) {
            FindingState s = l.get(o);
            if (s != FindingState.NOT_MENTIONED) {
                out().printf("%-27s %s%n", o.displayName(), s);
            }
        }
        for (FindingsLabeler.Mention m : labeler.explain(text)) {
            out().printf("  mention \"%s\" -> %s %s%s%n", m.phrase(), m.observation().displayName(), m.state(),
                    m.cue() == null ? "" : " (cue \"" + m.cue() + "\")");
        }
    }

    private java.io.PrintWriter out() {
        return spec.commandLine().getOut();
    }
}
