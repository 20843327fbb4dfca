package org.medvl.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.medvl.core.record.ReportSections;

class ReportSectionParserTest {

    /** report text, expected indication, comparison, findings, impression, preamble. */
    static Stream<Arguments> reports() {
        return Stream.of(
                // 1 MIMIC-CXR style, all sections
                Arguments.of("""
                        FINAL REPORT
                        EXAMINATION:  CHEST (PA AND LAT)

                        INDICATION:  ___F with cough  // ?pneumonia

                        COMPARISON:  Chest radiograph ___.

                        FINDINGS:
                        The lungs are clear. No pleural effusion or pneumothorax.
                        Heart size is normal.

                        IMPRESSION:
                        No acute cardiopulmonary process.
                        """, "___F with cough // ?pneumonia", "Chest radiograph ___.",
                        "The lungs are clear. No pleural effusion or pneumothorax. Heart size is normal.",
                        "No acute cardiopulmonary process.", ""),
                // 2 findings only
                Arguments.of("FINDINGS: Heart size normal. Lungs clear.", "", "", "Heart size normal. Lungs clear.", "", ""),
                // 3 impression only
                Arguments.of("IMPRESSION: No acute disease.", "", "", "", "No acute disease.", ""),
                // 4 lowercase headers
                Arguments.of("findings: lungs clear.\nimpression: normal chest.", "", "", "lungs clear.", "normal chest.", ""),
                // 5 title-case headers
                Arguments.of("Findings: Mild cardiomegaly.\nImpression: Cardiomegaly.", "", "", "Mild cardiomegaly.",
                        "Cardiomegaly.", ""),
                // 6 numbered impressions
                Arguments.of("FINDINGS: Bibasilar opacities.\nIMPRESSION:\n1. Bibasilar atelectasis.\n2. No effusion.",
                        "", "", "Bibasilar opacities.", "1. Bibasilar atelectasis. 2. No effusion.", ""),
                // 7 merged findings and impression
                Arguments.of("FINDINGS AND IMPRESSION: No acute cardiopulmonary abnormality.", "", "",
                        "No acute cardiopulmonary abnormality.", "No acute cardiopulmonary abnormality.", ""),
                // 8 merged with slash
                Arguments.of("Findings/Impression: Stable chest.", "", "", "Stable chest.", "Stable chest.", ""),
                // 9 text before any header
                Arguments.of("Portable AP chest at 0600.\nFINDINGS: ET tube in place.", "", "", "ET tube in place.", "",
                        "Portable AP chest at 0600."),
                // 10 no headers at all
                Arguments.of("The heart is normal in size. The lungs are clear.", "", "", "", "",
                        "The heart is normal in size. The lungs are clear."),
                // 11 empty text
                Arguments.of("", "", "", "", "", ""),
                // 12 whitespace only
                Arguments.of("   \n\t \n", "", "", "", "", ""),
                // 13 missing findings, has indication and impression
                Arguments.of("INDICATION: Chest pain.\nIMPRESSION: Normal.", "Chest pain.", "", "", "Normal.", ""),
                // 14 history as indication
                Arguments.of("HISTORY: 65-year-old with dyspnea.\nFINDINGS: Clear lungs.", "65-year-old with dyspnea.", "",
                        "Clear lungs.", "", ""),
                // 15 clinical history beats history
                Arguments.of("CLINICAL HISTORY: Fever.\nFINDINGS: Right lower lobe opacity.", "Fever.", "",
                        "Right lower lobe opacity.", "", ""),
                // 16 reason for exam
                Arguments.of("REASON FOR EXAM: Rule out pneumonia.\nIMPRESSION: No pneumonia.", "Rule out pneumonia.", "",
                        "", "No pneumonia.", ""),
                // 17 comparisons plural
                Arguments.of("COMPARISONS: None.\nFINDINGS: Normal.", "", "None.", "Normal.", "", ""),
                // 18 conclusion as impression
                Arguments.of("FINDINGS: Small effusion.\nCONCLUSION: Left pleural effusion.", "", "", "Small effusion.",
                        "Left pleural effusion.", ""),
                // 19 headers inline on one line (IU X-ray concatenations)
                Arguments.of("Findings: The lungs are clear. Impression: Normal chest x-ray.", "", "", "The lungs are clear.",
                        "Normal chest x-ray.", ""),
                // 20 extra spaces before colon
                Arguments.of("FINDINGS : Heart normal.\nIMPRESSION  : Negative.", "", "", "Heart normal.", "Negative.", ""),
                // 21 repeated findings header joined
                Arguments.of("FINDINGS: Lungs clear.\nFINDINGS: Heart normal.", "", "", "Lungs clear. Heart normal.", "", ""),
                // 22 technique goes to other, not findings
                Arguments.of("TECHNIQUE: PA and lateral.\nFINDINGS: Normal.", "", "", "Normal.", "", ""),
                // 23 Windows line endings
                Arguments.of("FINDINGS: Lungs clear.\r\nIMPRESSION: Normal.\r\n", "", "", "Lungs clear.", "Normal.", ""),
                // 24 Unicode non-breaking spaces and full-width colon
                Arguments.of("FINDINGS:\u00a0Lungs\u00a0clear.\nIMPRESSION\uff1a Normal.", "", "", "Lungs clear.", "Normal.", ""),
                // 25 header with empty body
                Arguments.of("FINDINGS:\nIMPRESSION: Normal.", "", "", "", "Normal.", ""),
                // 26 word 'findings' inside a sentence is not a header
                Arguments.of("IMPRESSION: These findings are unchanged.", "", "", "", "These findings are unchanged.", ""),
                // 27 'impression' without colon inside text is not a header
                Arguments.of("FINDINGS: The impression of cardiomegaly is due to AP technique.", "", "",
                        "The impression of cardiomegaly is due to AP technique.", "", ""),
                // 28 impressions plural
                Arguments.of("IMPRESSIONS: Right effusion.", "", "", "", "Right effusion.", ""),
                // 29 recommendation goes to other
                Arguments.of("IMPRESSION: Nodule.\nRECOMMENDATION(S): CT in 3 months.", "", "", "", "Nodule.", ""),
                // 30 recommendations with colon goes to other
                Arguments.of("IMPRESSION: Nodule.\nRECOMMENDATIONS: CT in 3 months.", "", "", "", "Nodule.", ""),
                // 31 multiple blank lines and tabs
                Arguments.of("\n\n\tFINDINGS:\t Heart\t normal.\n\n\n\nIMPRESSION:\tClear.", "", "", "Heart normal.", "Clear.", ""),
                // 32 mixed case merged header
                Arguments.of("Findings and Impression: Low lung volumes.", "", "", "Low lung volumes.", "Low lung volumes.", ""),
                // 33 indication then merged
                Arguments.of("INDICATION: Trauma.\nFINDINGS AND IMPRESSION: No fracture.", "Trauma.", "", "No fracture.",
                        "No fracture.", ""),
                // 34 wet read before final report
                Arguments.of("WET READ: no ptx\nFINDINGS: No pneumothorax.", "", "", "No pneumothorax.", "", ""),
                // 35 final report prefix on same line
                Arguments.of("FINAL REPORT FINDINGS: Normal heart.", "", "", "Normal heart.", "", ""),
                // 36 comparison 'None' inline after sentence
                Arguments.of("Comparison: None. Findings: Clear. Impression: Negative.", "", "None.", "Clear.", "Negative.", ""),
                // 37 de-identified placeholders kept
                Arguments.of("INDICATION: ___ year old man.\nIMPRESSION: As above.", "___ year old man.", "", "", "As above.", ""),
                // 38 numbered impression on one line
                Arguments.of("IMPRESSION: 1. Cardiomegaly. 2. Small left effusion.", "", "", "",
                        "1. Cardiomegaly. 2. Small left effusion.", ""),
                // 39 zero-width and control characters removed
                Arguments.of("FIND\u200bINGS: Clear\u0007 lungs.", "", "", "Clear lungs.", "", ""),
                // 40 header after semicolon
                Arguments.of("Indication: cough; Findings: no consolidation.", "cough;", "", "no consolidation.", "", ""));
    }

    @ParameterizedTest(name = "[{index}]")
    @MethodSource("reports")
    void extractsSections(String text, String indication, String comparison, String findings, String impression,
                          String preamble) {
        ReportSections s = ReportSectionParser.parse(text);
        assertEquals(indication, s.indication(), "indication");
        assertEquals(comparison, s.comparison(), "comparison");
        assertEquals(findings, s.findings(), "findings");
        assertEquals(impression, s.impression(), "impression");
        assertEquals(preamble, s.other().getOrDefault("preamble", ""), "preamble");
    }
}
