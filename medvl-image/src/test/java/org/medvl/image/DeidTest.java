package org.medvl.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medvl.core.MedvlException;
import org.medvl.image.deid.ConfidentialityProfile;
import org.medvl.image.deid.DeidRun;
import org.medvl.image.dicom.DicomDataset;
import org.medvl.image.dicom.DicomElement;
import org.medvl.image.dicom.DicomFile;
import org.medvl.image.dicom.Tags;

/**
 * After {@code deid}: none of the profile's attributes keeps its original value (at any nesting level), pixel data is
 * unchanged, UIDs map consistently across files, the input is untouched and the run's log holds no original value.
 */
class DeidTest {
    @TempDir
    Path tmp;

    @Test
    void basicProfileRemovesIdentityKeepsPixelsAndLogsNothingIdentifying() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        List<String> names = List.of("CT_small.dcm", "MR_small_implicit.dcm", "MR_small_expb.dcm", "rtplan.dcm",
                "rtdose.dcm", "test-SR.dcm", "image_dfl.dcm", "JPGExtended.dcm", "SC_rgb_rle.dcm");
        for (String n : names) {
            Files.copy(Samples.file(n), in.resolve(n));
        }
        Files.copy(Samples.root().resolve("pydicom-test-files/dicomdirtests/98892001/CT2N/6293"), in.resolve("ct-a"));
        Files.copy(Samples.root().resolve("pydicom-test-files/dicomdirtests/98892001/CT2N/6924"), in.resolve("ct-b"));
        Files.writeString(in.resolve("notes.txt"), "not dicom");
        Map<Path, String> hashes = new HashMap<>();
        for (Path p : Files.list(in).toList()) {
            hashes.put(p, sha256(p));
        }
        Path out = tmp.resolve("out");
        List<String> log = new ArrayList<>();
        DeidRun.Summary s = DeidRun.run(in, out, log::add);
        assertEquals(names.size() + 2, s.written());
        assertEquals(1, s.skippedNotDicom());
        for (Map.Entry<Path, String> e : hashes.entrySet()) {
            assertEquals(e.getValue(), sha256(e.getKey()), "input changed: " + e.getKey());
        }
        assertFalse(Files.exists(out.resolve("notes.txt")), "non-DICOM files are not copied");

        String logText = String.join("\n", log);
        int checked = 0;
        for (String n : List.of("CT_small.dcm", "MR_small_implicit.dcm", "MR_small_expb.dcm", "rtplan.dcm",
                "rtdose.dcm", "test-SR.dcm", "image_dfl.dcm", "JPGExtended.dcm", "SC_rgb_rle.dcm", "ct-a", "ct-b")) {
            DicomFile before = MedicalImages.readDicom(in.resolve(n));
            DicomFile after = MedicalImages.readDicom(out.resolve(n));
            Map<Integer, List<String>> original = new HashMap<>();
            collect(before.dataset(), original);
            Map<Integer, List<String>> now = new HashMap<>();
            collect(after.dataset(), now);
            for (Map.Entry<Integer, List<String>> e : original.entrySet()) {
                if (ConfidentialityProfile.entry(e.getKey()) == null) {
                    continue;
                }
                for (String v : e.getValue()) {
                    if (v.isEmpty()) {
                        continue;
                    }
                    checked++;
                    assertFalse(now.getOrDefault(e.getKey(), List.of()).contains(v),
                            n + ": " + ConfidentialityProfile.entry(e.getKey()).keyword() + " kept its value");
                    if (v.length() >= 3) {
                        assertFalse(logText.contains(v), "log shows a value of "
                                + ConfidentialityProfile.entry(e.getKey()).keyword());
                    }
                }
            }
            assertFalse(hasPrivate(after.dataset()), n + " still has private attributes");
            assertEquals("YES", after.dataset().string(Tags.PATIENT_IDENTITY_REMOVED));
            DicomElement px = before.dataset().get(Tags.PIXEL_DATA);
            if (px != null) {
                DicomElement py = after.dataset().get(Tags.PIXEL_DATA);
                if (px.isEncapsulated()) {
                    assertEquals(px.fragments().size(), py.fragments().size());
                    for (int i = 0; i < px.fragments().size(); i++) {
                        assertArrayEquals(px.fragments().get(i), py.fragments().get(i), n);
                    }
                } else {
                    assertArrayEquals(px.value(), py.value(), n + ": pixel data changed");
                }
                assertArrayEquals(MedicalImages.read(in.resolve(n)).storedValues(0),
                        MedicalImages.read(out.resolve(n)).storedValues(0), n);
            }
            assertEquals(after.dataset().string(Tags.SOP_INSTANCE_UID),
                    after.meta().string(Tags.MEDIA_STORAGE_SOP_INSTANCE_UID), n);
        }
        assertTrue(checked > 100, "only " + checked + " identifying values were checked");

        // the two CT slices share a study and series: the new UIDs must be shared too, and differ from the old ones
        DicomDataset a0 = MedicalImages.readDicom(in.resolve("ct-a")).dataset();
        DicomDataset a = MedicalImages.readDicom(out.resolve("ct-a")).dataset();
        DicomDataset b = MedicalImages.readDicom(out.resolve("ct-b")).dataset();
        assertEquals(a0.string(Tags.STUDY_INSTANCE_UID),
                MedicalImages.readDicom(in.resolve("ct-b")).dataset().string(Tags.STUDY_INSTANCE_UID));
        assertEquals(a.string(Tags.STUDY_INSTANCE_UID), b.string(Tags.STUDY_INSTANCE_UID));
        assertEquals(a.string(Tags.SERIES_INSTANCE_UID), b.string(Tags.SERIES_INSTANCE_UID));
        assertNotEquals(a0.string(Tags.STUDY_INSTANCE_UID), a.string(Tags.STUDY_INSTANCE_UID));
        assertNotEquals(a.string(Tags.SOP_INSTANCE_UID), b.string(Tags.SOP_INSTANCE_UID));
        assertTrue(a.string(Tags.STUDY_INSTANCE_UID).startsWith("2.25."));
    }

    @Test
    void neverOverwrites() throws Exception {
        Path in = tmp.resolve("ct.dcm");
        Files.copy(Samples.file("CT_small.dcm"), in);
        assertThrows(MedvlException.class, () -> DeidRun.run(in, in, l -> { }));
        Path out = tmp.resolve("existing.dcm");
        Files.writeString(out, "mine");
        MedvlException e = assertThrows(MedvlException.class, () -> DeidRun.run(in, out, l -> { }));
        assertTrue(e.getMessage().contains("already exists"), e.getMessage());
        assertEquals("mine", Files.readString(out));
        Path dirOut = tmp.resolve("outdir");
        Files.createDirectories(dirOut);
        DeidRun.run(in, dirOut, l -> { });
        assertTrue(Files.exists(dirOut.resolve("ct.dcm")));
    }

    private static void collect(DicomDataset ds, Map<Integer, List<String>> out) {
        for (DicomElement e : ds.elements()) {
            if (e.isSequence()) {
                for (DicomDataset item : e.items()) {
                    collect(item, out);
                }
            } else if (!e.isEncapsulated() && e.value().length < 1024) {
                out.computeIfAbsent(e.tag(), k -> new ArrayList<>()).add(ds.string(e.tag()));
            }
        }
    }

    private static boolean hasPrivate(DicomDataset ds) {
        for (DicomElement e : ds.elements()) {
            if (e.isPrivate()) {
                return true;
            }
            for (DicomDataset item : e.items()) {
                if (hasPrivate(item)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sha256(Path p) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p)));
    }
}
