package org.medvl.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medvl.image.MedicalImages;
import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.DicomElement;
import org.medvl.models.api.ModelAnswer;
import org.medvl.models.api.QuestionAnswerer;
import org.medvl.models.api.ReportWriter;
import org.medvl.models.api.VisualQuestion;
import org.medvl.server.models.ModelSet;

/** Test-only models that probe the server's behaviour rather than produce medical content. */
final class TestModels {
    private TestModels() {
    }

    /**
     * A report writer that copies every text attribute of the DICOM it receives into its report: if the server ever
     * handed a model an identifying value, it would show up in the answer.
     */
    static final class Leaky implements ReportWriter {
        @Override
        public String name() {
            return "test:leaky";
        }

        @Override
        public String writeReport(List<Path> images) {
            DicomDataset ds = MedicalImages.readDicom(images.get(0)).dataset();
            List<String> values = new ArrayList<>();
            for (DicomElement e : ds.elements()) {
                if (!e.isSequence() && e.tag() != 0x7FE00010) {
                    values.add(ds.string(e.tag()));
                }
            }
            return "attributes seen: " + String.join(" | ", values);
        }
    }

    /** Fails every call with a message holding an identifying value: it must reach neither the client nor the log. */
    static final class Failing implements QuestionAnswerer {
        @Override
        public String name() {
            return "test:failing";
        }

        @Override
        public ModelAnswer answer(VisualQuestion q) {
            throw new IllegalStateException("internal failure for patient " + TestImages.PATIENT_NAME);
        }
    }

    /** Takes {@code millis} per report, to fill queues. */
    static final class Slow implements ReportWriter {
        private final long millis;

        Slow(long millis) {
            this.millis = millis;
        }

        @Override
        public String name() {
            return "test:slow";
        }

        @Override
        public String writeReport(List<Path> images) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "slow report";
        }
    }

    static ModelSet reportOnly(ReportWriter w) {
        return new ModelSet(w, null, null, null, null, Map.of());
    }
}
