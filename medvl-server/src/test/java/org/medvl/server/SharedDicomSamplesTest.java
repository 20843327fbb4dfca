package org.medvl.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.medvl.core.MedvlException;
import org.medvl.core.io.SharedData;

import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.Tags;
import org.medvl.server.load.CalibrationModels;

/**
 * Every real DICOM file in ../shared/data/dicom-samples (many transfer syntaxes, structured reports, odd encodings)
 * uploaded as is: each gets 201 or a 4xx with a message, never a 5xx; each accepted one renders and gets a report;
 * and no patient name or ID of a sample appears in any answer.
 */
class SharedDicomSamplesTest {
    @Test
    void everySampleIsAcceptedOrRefusedCleanly() throws IOException {
        Optional<Path> root = SharedData.dataset("dicom-samples");
        assumeTrue(root.isPresent(), SharedData.missingMessage("dicom-samples"));
        List<Path> files;
        try (Stream<Path> s = Files.walk(root.get())) {
            files = s.filter(p -> p.toString().endsWith(".dcm")).sorted().toList();
        }
        assertFalse(files.isEmpty());
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> refused = new ArrayList<>();
        try (TestServer s = TestServer.start(CalibrationModels.all())) {
            for (Path f : files) {
                byte[] bytes = Files.readAllBytes(f);
                HttpResponse<byte[]> up = s.send("POST", "/api/images", "application/dicom", bytes);
                statuses.merge(up.statusCode(), 1, Integer::sum);
                String answer = TestServer.text(up);
                assertTrue(up.statusCode() == 201 || up.statusCode() >= 400 && up.statusCode() < 500,
                        f.getFileName() + " answered " + up.statusCode() + ": " + answer);
                for (String secret : identifying(bytes)) {
                    assertFalse(answer.contains(secret), f.getFileName() + " leaked an identifying value");
                }
                if (up.statusCode() != 201) {
                    refused.add(f.getFileName() + " (" + up.statusCode() + ")");
                    continue;
                }
                String id = TestServer.json(up).get("id").asText();
                assertEquals(200, s.get("/api/images/" + id + "/render?size=64").statusCode(), f.toString());
                HttpResponse<byte[]> report = s.postJson("/api/images/" + id + "/report", "{}");
                assertEquals(200, report.statusCode(), f + ": " + TestServer.text(report));
            }
        }
        System.out.println("dicom-samples: " + files.size() + " files, statuses " + statuses + "; refused: " + refused);
        assertTrue(statuses.getOrDefault(201, 0) > files.size() / 2, "most samples are images: " + statuses);
    }

    /** Patient name and ID of a sample, where it has readable non-trivial ones. */
    private static List<String> identifying(byte[] bytes) {
        List<String> out = new ArrayList<>();
        try {
            DicomDataset ds = org.medvl.image.dicom.DicomParser.parse(bytes, "sample",
                    org.medvl.image.ImageLimits.DEFAULT).dataset();
            for (int tag : new int[] {Tags.PATIENT_NAME, Tags.PATIENT_ID}) {
                String v = ds.string(tag).trim();
                if (v.length() >= 4 && !v.equalsIgnoreCase("anonymous")) {
                    out.add(v);
                }
            }
        } catch (MedvlException e) {
            // unreadable sample: nothing identifying can be extracted from it either
        }
        return out;
    }

}
