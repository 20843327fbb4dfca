package org.medvl.cli.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medvl.core.MedvlException;
import org.medvl.core.io.JsonLines;
import org.medvl.metrics.retrieval.RetrievalMetrics;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code medvl metrics retrieval}: R@1/5/10, MRR and median rank from a similarity matrix or ranked lists. */
@Command(name = "retrieval", mixinStandardHelpOptions = true,
        description = "Retrieval scores: R@1/5/10, MRR, median rank, image->text and text->image.",
        footer = {"", "--similarity: CSV of numbers, one row per image, one column per text, no header; image i "
                + "matches text i unless --text-image gives each text's image index (one integer a line).",
                "--ranked: JSON Lines {\"ranked\": [ids best first], \"relevant\": id or [ids]} (one direction).",
                "", "Examples:", "  medvl metrics retrieval --similarity sim.csv",
                "  medvl metrics retrieval --ranked runs.jsonl --out retrieval.json"})
public final class RetrievalCommand implements Callable<Integer> {
    @Mixin
    ResultOutput output;

    static final class Input {
        @Option(names = "--similarity", paramLabel = "FILE.csv", description = "Image x text similarity matrix.")
        Path similarity;

        @Option(names = "--ranked", paramLabel = "FILE.jsonl", description = "Ranked candidate lists per query.")
        Path ranked;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Input input;

    @Option(names = "--text-image", paramLabel = "FILE", description = "Image index of each text (with --similarity).")
    Path textImage;

    @Override
    public Integer call() {
        output.checkWritable();
        ObjectNode json = JsonLines.MAPPER.createObjectNode();
        output.console().printf("| direction | queries | R@1 | R@5 | R@10 | MRR | median rank |%n|---|---:|---:|---:|---:|---:|---:|%n");
        if (input.similarity != null) {
            double[][] sim = readMatrix(input.similarity);
            RetrievalMetrics.Result r;
            try {
                r = textImage == null ? RetrievalMetrics.fromSimilarity(sim)
                        : RetrievalMetrics.fromSimilarity(sim, readIndices(textImage));
            } catch (IllegalArgumentException e) {
                throw new MedvlException(input.similarity + ": " + e.getMessage());
            }
            json.set("image_to_text", print("image->text", r.imageToText()));
            json.set("text_to_image", print("text->image", r.textToImage()));
        } else {
            List<List<String>> ranked = new ArrayList<>();
            List<Set<String>> relevant = new ArrayList<>();
            JsonLines.forEach(input.ranked, line -> {
                JsonNode list = line.json().get("ranked");
                JsonNode rel = line.json().get("relevant");
                if (list == null || !list.isArray() || rel == null || rel.isNull()) {
                    throw MedvlException.at(input.ranked, line.number(),
                            "needs \"ranked\" (array) and \"relevant\" (id or array)");
                }
                List<String> l = new ArrayList<>();
                list.forEach(x -> l.add(x.asText()));
                Set<String> s = new HashSet<>();
                if (rel.isArray()) {
                    rel.forEach(x -> s.add(x.asText()));
                } else {
                    s.add(rel.asText());
                }
                ranked.add(l);
                relevant.add(s);
            });
            json.set("queries", print("ranked lists", RetrievalMetrics.fromRankedLists(ranked, relevant)));
        }
        output.write(json);
        return 0;
    }

    private ObjectNode print(String name, RetrievalMetrics.Directional d) {
        output.console().printf("| %s | %d | %.4f | %.4f | %.4f | %.4f | %s |%n", name, d.queries(), d.recallAt1(),
                d.recallAt5(), d.recallAt10(), d.mrr(), d.medianRank());
        ObjectNode o = JsonLines.MAPPER.createObjectNode();
        o.put("queries", d.queries());
        o.put("recall_at_1", d.recallAt1());
        o.put("recall_at_5", d.recallAt5());
        o.put("recall_at_10", d.recallAt10());
        o.put("mrr", d.mrr());
        o.put("median_rank", d.medianRank());
        return o;
    }

    static double[][] readMatrix(Path file) {
        List<double[]> rows = new ArrayList<>();
        forEachLine(file, (n, line) -> {
            String[] cells = line.split(",");
            double[] row = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                try {
                    row[j] = Double.parseDouble(cells[j].trim());
                } catch (NumberFormatException e) {
                    throw MedvlException.at(file, n, "column " + (j + 1) + ": not a number: \"" + cells[j].trim() + "\"");
                }
            }
            if (!rows.isEmpty() && row.length != rows.get(0).length) {
                throw MedvlException.at(file, n, row.length + " columns, expected " + rows.get(0).length);
            }
            rows.add(row);
        });
        if (rows.isEmpty()) {
            throw new MedvlException(file + ": empty matrix");
        }
        return rows.toArray(new double[0][]);
    }

    private static int[] readIndices(Path file) {
        List<Integer> out = new ArrayList<>();
        forEachLine(file, (n, line) -> {
            try {
                out.add(Integer.parseInt(line.trim()));
            } catch (NumberFormatException e) {
                throw MedvlException.at(file, n, "not an integer image index: \"" + line.trim() + "\"");
            }
        });
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private interface LineSink {
        void accept(long number, String line);
    }

    private static void forEachLine(Path file, LineSink sink) {
        try (BufferedReader r = JsonLines.strictUtf8Reader(file)) {
            String line;
            long n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (!line.isBlank()) {
                    sink.accept(n, line);
                }
            }
        } catch (NoSuchFileException e) {
            throw new MedvlException("file not found: " + file);
        } catch (IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
