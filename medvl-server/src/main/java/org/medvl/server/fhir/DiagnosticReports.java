package org.medvl.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import org.hl7.fhir.r4.model.Attachment;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Narrative;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/**
 * Builds FHIR R4 DiagnosticReport resources (HAPI FHIR structures) for generated reports: status {@code preliminary}
 * (a machine draft, never final), category radiology, LOINC 18748-4 "Diagnostic imaging study", the generated text as
 * {@code conclusion} and as a plain-text {@code presentedForm}, and the study referenced through
 * {@code imagingStudy.identifier} with the DICOM Study Instance UID as {@code urn:oid:} in system
 * {@code urn:dicom:uid} (the convention of FHIR ImagingStudy.identifier). For uploads that were de-identified, the
 * UID is the remapped one and an extension says so. The FHIR context is built once: it is expensive and thread-safe.
 */
public final class DiagnosticReports {
    /** Extension saying how the referenced Study Instance UID relates to the original study. */
    public static final String UID_NOTE_URL = "https://medvl.org/fhir/StructureDefinition/study-uid-provenance";
    /** Extension naming the model that wrote the draft. */
    public static final String MODEL_URL = "https://medvl.org/fhir/StructureDefinition/generating-model";
    public static final String DRAFT_TITLE = "Machine-generated draft report (not a diagnosis; requires review by a"
            + " qualified clinician)";
    private static final FhirContext FHIR = FhirContext.forR4();

    private DiagnosticReports() {
    }

    public static FhirContext context() {
        return FHIR;
    }

    /**
     * @param text the generated report
     * @param model the generating model's name
     * @param studyUid the (de-identified) Study Instance UID, or "" when the image was not DICOM
     * @param remapped whether {@code studyUid} was remapped by de-identification
     */
    public static DiagnosticReport draft(String text, String model, String studyUid, boolean remapped) {
        DiagnosticReport r = new DiagnosticReport();
        r.setStatus(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY);
        r.addCategory(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/v2-0074", "RAD",
                "Radiology")));
        r.setCode(new CodeableConcept(new Coding("http://loinc.org", "18748-4", "Diagnostic imaging study"))
                .setText("Machine-generated draft imaging report"));
        r.setIssued(new Date());
        r.setConclusion(text);
        r.addPresentedForm(new Attachment().setContentType("text/plain; charset=utf-8").setLanguage("en")
                .setData(text.getBytes(StandardCharsets.UTF_8)).setTitle(DRAFT_TITLE));
        r.addExtension(new Extension(MODEL_URL, new StringType(model)));
        if (!studyUid.isEmpty()) {
            Reference study = new Reference().setType("ImagingStudy")
                    .setIdentifier(new Identifier().setSystem("urn:dicom:uid").setValue("urn:oid:" + studyUid))
                    .setDisplay(remapped ? "Study Instance UID after de-identification" : "Study Instance UID");
            r.addImagingStudy(study);
            if (remapped) {
                r.addExtension(new Extension(UID_NOTE_URL, new StringType("The Study Instance UID was replaced by a"
                        + " new 2.25 UID during DICOM PS3.15 de-identification of the upload; the original is not"
                        + " kept by this server.")));
            }
        }
        Narrative n = new Narrative();
        n.setStatus(Narrative.NarrativeStatus.GENERATED);
        n.setDivAsString("<div xmlns=\"http://www.w3.org/1999/xhtml\"><p><b>" + DRAFT_TITLE + "</b></p><p>"
                + escape(text) + "</p></div>");
        r.setText(n);
        return r;
    }

    /** JSON, pretty-printed. */
    public static String json(DiagnosticReport r) {
        IParser p = FHIR.newJsonParser().setPrettyPrint(true);
        return p.encodeResourceToString(r);
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br/>");
    }
}
