package org.medvl.core.text;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medvl.core.record.ReportSections;

/**
 * Splits free-text radiology reports into sections by their headers ("FINDINGS:", "Impression:",
 * "FINDINGS AND IMPRESSION:", "CLINICAL HISTORY:", ...), as MIMIC-CXR and IU X-ray reports are written.
 *
 * <p>A header is a known section name followed by a colon, at the start of a line or after a sentence end, in any
 * letter case. Text before the first header is kept as the "preamble". A section named twice is joined. A merged
 * "findings and impression" header fills both sections. Headers the parser does not map to the four main sections
 * (technique, recommendation, notification, ...) land in {@link ReportSections#other()}.
 */
public final class ReportSectionParser {
    private enum Target { INDICATION, COMPARISON, FINDINGS, IMPRESSION, BOTH, OTHER }

    private static final Map<String, Target> HEADERS = new LinkedHashMap<>();

    static {
        for (String h : List.of("indication", "indications", "history", "clinical history", "clinical indication",
                "clinical information", "clinical data", "clinical details", "reason for exam", "reason for examination",
                "reason for study", "reason", "patient history", "medical history")) {
            HEADERS.put(h, Target.INDICATION);
        }
        for (String h : List.of("comparison", "comparisons", "prior", "priors", "prior studies", "comparison studies")) {
            HEADERS.put(h, Target.COMPARISON);
        }
        for (String h : List.of("findings", "finding", "report", "description")) {
            HEADERS.put(h, Target.FINDINGS);
        }
        for (String h : List.of("impression", "impressions", "conclusion", "conclusions", "summary", "opinion",
                "diagnosis", "final impression")) {
            HEADERS.put(h, Target.IMPRESSION);
        }
        for (String h : List.of("findings and impression", "findings/impression", "findings and impressions",
                "impression and findings", "findings & impression")) {
            HEADERS.put(h, Target.BOTH);
        }
        for (String h : List.of("technique", "examination", "exam", "procedure", "notification", "recommendation",
                "recommendations", "wet read", "addendum", "note", "procedure comments", "study", "type of examination")) {
            HEADERS.put(h, Target.OTHER);
        }
    }

    /** Longest names first so "clinical history" wins over "history" and "findings and impression" over "findings". */
    private static final Pattern HEADER = buildPattern();

    private ReportSectionParser() {
    }

    private static Pattern buildPattern() {
        List<String> names = new ArrayList<>(HEADERS.keySet());
        names.sort((a, b) -> b.length() - a.length());
        StringBuilder alt = new StringBuilder();
        for (String n : names) {
            if (alt.length() > 0) {
                alt.append('|');
            }
            alt.append(Pattern.quote(n).replace(" ", "\\E\\s+\\Q"));
        }
        // Start of text, start of a line, or after a sentence end; optional numbering/bullets before the header.
        return Pattern.compile("(?:^|(?<=\\n)|(?<=[.;]\\s)|(?<=[.;]\\s\\s))[ \\t]*(?:final\\s+report\\s+)?("
                + alt + ")(?:\\(s\\))?\\s*:", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    /** Parses a report; never throws, an empty or header-less text gives sections with only the preamble. */
    public static ReportSections parse(String report) {
        String text = TextNormalizer.normalizeLines(report);
        Matcher m = HEADER.matcher(text);
        List<int[]> spans = new ArrayList<>(); // header start, header end (after colon)
        List<String> names = new ArrayList<>();
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
            names.add(m.group(1).toLowerCase(Locale.ROOT).replaceAll("\\s+", " "));
        }
        StringBuilder indication = new StringBuilder();
        StringBuilder comparison = new StringBuilder();
        StringBuilder findings = new StringBuilder();
        StringBuilder impression = new StringBuilder();
        Map<String, String> other = new LinkedHashMap<>();
        String preamble = clean(text.substring(0, spans.isEmpty() ? text.length() : spans.get(0)[0]));
        if (!preamble.isEmpty()) {
            other.put("preamble", preamble);
        }
        for (int i = 0; i < spans.size(); i++) {
            int end = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
            String body = clean(text.substring(spans.get(i)[1], end));
            String name = names.get(i);
            switch (HEADERS.get(name)) {
                case INDICATION -> append(indication, body);
                case COMPARISON -> append(comparison, body);
                case FINDINGS -> append(findings, body);
                case IMPRESSION -> append(impression, body);
                case BOTH -> {
                    append(findings, body);
                    append(impression, body);
                }
                case OTHER -> other.merge(name, body, (a, b) -> b.isEmpty() ? a : a.isEmpty() ? b : a + " " + b);
            }
        }
        return new ReportSections(indication.toString(), comparison.toString(), findings.toString(),
                impression.toString(), other);
    }

    private static void append(StringBuilder sb, String body) {
        if (body.isEmpty()) {
            return;
        }
        if (sb.length() > 0) {
            sb.append(' ');
        }
        sb.append(body);
    }

    /** Section bodies are single-line: line breaks (e.g. between numbered impressions) become spaces. */
    private static String clean(String s) {
        return TextNormalizer.normalize(s);
    }
}
