package org.medvl.core.record;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sections of a radiology report. Absent sections are empty strings, never null.
 *
 * @param indication indication, history or reason for the exam
 * @param comparison prior studies compared
 * @param findings   the findings section
 * @param impression the impression or conclusion
 * @param other      any other named section (technique, recommendation, ...) and "preamble" for text before the
 *                   first header, keyed by lower-case header name
 */
public record ReportSections(String indication, String comparison, String findings, String impression,
                             Map<String, String> other) {
    public static final ReportSections EMPTY = new ReportSections("", "", "", "", Map.of());

    public ReportSections {
        indication = indication == null ? "" : indication;
        comparison = comparison == null ? "" : comparison;
        findings = findings == null ? "" : findings;
        impression = impression == null ? "" : impression;
        other = other == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(other));
    }

    public static ReportSections of(String findings, String impression) {
        return new ReportSections("", "", findings, impression, Map.of());
    }

    /** Findings followed by impression, the text most report-generation work trains on. */
    public String findingsAndImpression() {
        if (findings.isEmpty()) {
            return impression;
        }
        return impression.isEmpty() || impression.equals(findings) ? findings : findings + " " + impression;
    }
}
