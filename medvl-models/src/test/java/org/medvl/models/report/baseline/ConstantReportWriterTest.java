package org.medvl.models.report.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medvl.core.MedvlException;

class ConstantReportWriterTest {
    @Test
    void writesTheMostCommonReportCountingWhitespaceVariantsAsOne() {
        ConstantReportWriter w = ConstantReportWriter.fit(List.of("Heart size normal.", "No acute disease.",
                "Heart  size\nnormal. ", "No acute disease.", " Heart size normal.", ""));
        assertEquals("Heart size normal.", w.writeReport(List.of(Path.of("any.png"))));
        assertEquals(3, w.count());
        assertEquals(5, w.total());
        assertEquals("constant", w.name());
    }

    @Test
    void breaksTiesByTheSmallestTextWhateverTheOrder() {
        List<String> a = List.of("b report", "a report", "c report", "b report", "a report");
        List<String> b = List.of("a report", "b report", "a report", "c report", "b report");
        assertEquals("a report", ConstantReportWriter.fit(a).report());
        assertEquals("a report", ConstantReportWriter.fit(b).report());
    }

    @Test
    void emptyTrainingSetIsAClearError() {
        MedvlException e = assertThrows(MedvlException.class, () -> ConstantReportWriter.fit(List.of(" ", "")));
        assertTrue(e.getMessage().contains("no non-empty reports"), e.getMessage());
    }
}
