package org.medvl.data;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.medvl.core.MedvlException;
import org.medvl.core.record.ReportSections;
import org.medvl.core.record.ReportStudy;
import org.medvl.core.text.R2GenCleaner;

/**
 * Report text preparation applied to studies: R2Gen's IU X-ray or MIMIC-CXR cleaning of the findings and impression
 * sections, so report-generation data matches what the published baselines trained and scored on.
 */
public final class ReportCleaning {
    private ReportCleaning() {
    }

    /** "none", "r2gen-iu" or "r2gen-mimic". */
    public static UnaryOperator<ReportStudy> byName(String name) {
        return switch (name == null ? "none" : name.toLowerCase(Locale.ROOT)) {
            case "none" -> UnaryOperator.identity();
            case "r2gen-iu" -> s -> apply(s, R2GenCleaner::cleanIu);
            case "r2gen-mimic" -> s -> apply(s, R2GenCleaner::cleanMimic);
            default -> throw new MedvlException("unknown cleaning '" + name + "' (expected none, r2gen-iu or r2gen-mimic)");
        };
    }

    /** Cleans findings and impression; empty sections stay empty rather than becoming R2Gen's " .". */
    public static ReportStudy apply(ReportStudy s, UnaryOperator<String> clean) {
        ReportSections r = s.sections();
        ReportSections cleaned = new ReportSections(r.indication(), r.comparison(),
                r.findings().isEmpty() ? "" : clean.apply(r.findings()),
                r.impression().isEmpty() ? "" : clean.apply(r.impression()), r.other());
        return new ReportStudy(s.id(), s.images(), cleaned, s.tags(), s.split(), s.language(), s.demographics());
    }
}
