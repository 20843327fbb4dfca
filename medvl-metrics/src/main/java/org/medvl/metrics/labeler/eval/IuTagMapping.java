package org.medvl.metrics.labeler.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.medvl.metrics.labeler.Observation;

/**
 * Maps IU X-ray MeSH tags ("Cardiomegaly/mild", "Opacity/lung/base/left") to CheXpert observations, from the
 * documented table in iu-tag-mapping.tsv.
 */
public final class IuTagMapping {
    private record Rule(String heading, String qualifier, Observation observation) {
    }

    private final List<Rule> rules;

    private IuTagMapping(List<Rule> rules) {
        this.rules = rules;
    }

    /** The bundled mapping. */
    public static IuTagMapping standard() {
        List<Rule> rules = new ArrayList<>();
        var in = IuTagMapping.class.getResourceAsStream("iu-tag-mapping.tsv");
        if (in == null) {
            throw new IllegalStateException("resource iu-tag-mapping.tsv missing");
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] c = line.split("\t");
                rules.add(new Rule(c[0].trim().toLowerCase(Locale.ROOT), c[1].trim().toLowerCase(Locale.ROOT),
                        Observation.parse(c[2])));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new IuTagMapping(rules);
    }

    /** The observations a report's MeSH cell ("tag;tag;...") maps to; never No Finding. */
    public Set<Observation> observations(String meshCell) {
        Set<Observation> out = EnumSet.noneOf(Observation.class);
        for (String tag : meshCell.split(";")) {
            String[] parts = tag.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").split("/");
            for (Rule rule : rules) {
                if (!parts[0].equals(rule.heading())) {
                    continue;
                }
                boolean qualifies = rule.qualifier().equals("*");
                for (int i = 1; i < parts.length && !qualifies; i++) {
                    qualifies = parts[i].equals(rule.qualifier());
                }
                if (qualifies) {
                    out.add(rule.observation());
                }
            }
        }
        return out;
    }
}
