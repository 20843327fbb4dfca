package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.Test;
import org.medvl.server.fhir.DiagnosticReports;
import org.medvl.server.load.CalibrationModels;

/** The FHIR answer parses back with HAPI FHIR (strict) as an R4 DiagnosticReport with the promised content. */
class FhirRoundTripTest {
    private static final IParser STRICT = FhirContext.forR4().newJsonParser()
            .setParserErrorHandler(new StrictErrorHandler());

    @Test
    void dicomReportRoundTripsWithTheRemappedStudyUid() {
        try (TestServer s = TestServer.start(CalibrationModels.all())) {
            JsonNode img = s.upload(TestImages.dicom(), "application/dicom");
            String id = img.get("id").asText();
            String uid = img.get("studyInstanceUid").asText();
            assertNotEquals(TestImages.STUDY_UID, uid);
            String text = TestServer.json(s.postJson("/api/images/" + id + "/report", "{}")).get("report").asText();

            HttpResponse<byte[]> r = s.postJson("/api/images/" + id + "/report?format=fhir", "{}");
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/fhir+json"));
            DiagnosticReport dr = STRICT.parseResource(DiagnosticReport.class, TestServer.text(r));

            assertEquals(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY, dr.getStatus());
            assertEquals("18748-4", dr.getCode().getCodingFirstRep().getCode());
            assertEquals("RAD", dr.getCategoryFirstRep().getCodingFirstRep().getCode());
            assertEquals(text, dr.getConclusion(), "deterministic model: the same text as the JSON answer");
            assertEquals(text, new String(dr.getPresentedFormFirstRep().getData(), StandardCharsets.UTF_8));
            assertEquals(DiagnosticReports.DRAFT_TITLE, dr.getPresentedFormFirstRep().getTitle());
            Identifier study = dr.getImagingStudyFirstRep().getIdentifier();
            assertEquals("urn:dicom:uid", study.getSystem());
            assertEquals("urn:oid:" + uid, study.getValue());
            assertEquals("ImagingStudy", dr.getImagingStudyFirstRep().getType());
            assertTrue(dr.getExtensionByUrl(DiagnosticReports.UID_NOTE_URL).getValue().primitiveValue()
                    .contains("de-identification"));
            assertEquals(CalibrationModels.NAME,
                    dr.getExtensionByUrl(DiagnosticReports.MODEL_URL).getValue().primitiveValue());

            HttpResponse<byte[]> viaAccept = s.send("POST", "/api/images/" + id + "/report", null, null);
            assertEquals(200, viaAccept.statusCode());
            HttpResponse<byte[]> accept = sendAccept(s, "/api/images/" + id + "/report");
            DiagnosticReport again = STRICT.parseResource(DiagnosticReport.class, TestServer.text(accept));
            assertEquals(dr.getConclusion(), again.getConclusion());
        }
    }

    @Test
    void rasterReportHasNoStudyReference() {
        try (TestServer s = TestServer.start(CalibrationModels.all())) {
            String id = s.upload(TestImages.png(32, 32), "image/png").get("id").asText();
            DiagnosticReport dr = STRICT.parseResource(DiagnosticReport.class,
                    TestServer.text(s.postJson("/api/images/" + id + "/report?format=fhir", "")));
            assertTrue(dr.getImagingStudy().isEmpty());
            assertEquals(DiagnosticReport.DiagnosticReportStatus.PRELIMINARY, dr.getStatus());
        }
    }

    private static HttpResponse<byte[]> sendAccept(TestServer s, String path) {
        try {
            return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(s.base.resolve(path))
                    .header("Accept", "application/fhir+json").POST(java.net.http.HttpRequest.BodyPublishers.noBody())
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
