package org.medvl.metrics.caption;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.medvl.core.MedvlException;
import org.medvl.metrics.caption.MeteorAligner.Candidates;
import org.medvl.metrics.caption.MeteorAligner.Match;

/**
 * A paraphrase table for METEOR's paraphrase stage, read from a user file: METEOR's own format (records of three
 * lines: probability, phrase, paraphrase; e.g. paraphrase-en.gz) or lines {@code phrase ||| paraphrase [||| prob]}.
 * Pairs match in both directions. Phrases are lower-cased and normalized like the texts.
 */
final class Paraphrases {
    private final Map<String, Set<String>> table;
    private final int maxWords;
    private final String source;

    private Paraphrases(Map<String, Set<String>> table, int maxWords, String source) {
        this.table = table;
        this.maxWords = maxWords;
        this.source = source;
    }

    String source() {
        return source;
    }

    static Paraphrases load(Path file) {
        Map<String, Set<String>> table = new HashMap<>();
        int[] maxWords = {1};
        try (InputStream raw = Files.newInputStream(file);
                InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw;
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<String> pending = new ArrayList<>();
            long lineNo = 0;
            for (String line; (line = r.readLine()) != null; ) {
                lineNo++;
                if (line.contains("|||")) {
                    String[] parts = line.split("\\|\\|\\|");
                    if (parts.length < 2) {
                        throw MedvlException.at(file, lineNo, "expected 'phrase ||| paraphrase'");
                    }
                    put(table, parts[0], parts[1], maxWords);
                } else if (!line.isBlank()) {
                    pending.add(line);
                    if (pending.size() == 3) {
                        try {
                            Double.parseDouble(pending.get(0).trim());
                        } catch (NumberFormatException e) {
                            throw MedvlException.at(file, lineNo - 2, "expected a probability line, got '"
                                    + pending.get(0) + "'");
                        }
                        put(table, pending.get(1), pending.get(2), maxWords);
                        pending.clear();
                    }
                }
            }
            if (!pending.isEmpty()) {
                throw MedvlException.at(file, lineNo, "incomplete paraphrase record at end of file");
            }
        } catch (NoSuchFileException e) {
            throw new MedvlException("paraphrase table not found: " + file);
        } catch (IOException e) {
            throw new MedvlException("cannot read paraphrase table " + file + ": " + e.getMessage(), e);
        }
        return new Paraphrases(table, maxWords[0], "paraphrase table " + file.getFileName() + ", " + table.size()
                + " phrases");
    }

    private static void put(Map<String, Set<String>> table, String a, String b, int[] maxWords) {
        String x = String.join(" ", MeteorNormalizer.words(a));
        String y = String.join(" ", MeteorNormalizer.words(b));
        if (x.isEmpty() || y.isEmpty() || x.equals(y)) {
            return;
        }
        table.computeIfAbsent(x, k -> new HashSet<>()).add(y);
        table.computeIfAbsent(y, k -> new HashSet<>()).add(x);
        maxWords[0] = Math.max(maxWords[0], Math.max(x.split(" ").length, y.split(" ").length));
    }

    /** Adds a candidate for every hypothesis span and reference span that the table pairs. */
    void match(String[] hyp, String[] ref, Candidates c) {
        for (int j = 0; j < ref.length; j++) {
            for (int lr = 1; lr <= maxWords && j + lr <= ref.length; lr++) {
                String refPhrase = String.join(" ", java.util.Arrays.copyOfRange(ref, j, j + lr));
                Set<String> options = table.get(refPhrase);
                if (options == null) {
                    continue;
                }
                for (int i = 0; i < hyp.length; i++) {
                    for (int lh = 1; lh <= maxWords && i + lh <= hyp.length; lh++) {
                        if (options.contains(String.join(" ", java.util.Arrays.copyOfRange(hyp, i, i + lh)))) {
                            c.add(new Match(Meteor.PARAPHRASE, j, lr, i, lh));
                        }
                    }
                }
            }
        }
    }
}
