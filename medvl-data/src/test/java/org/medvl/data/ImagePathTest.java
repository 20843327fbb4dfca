package org.medvl.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.medvl.data.io.BadRecord;

/** The fast string join for plain relative image paths agrees with Path.resolve().normalize(). */
class ImagePathTest {
    private static final LoadContext CTX = new LoadContext(new DatasetSpec("pmc-oa", Path.of("/data/pmc"),
            java.util.Optional.empty()), new ProblemLog(false));

    @Property(tries = 2000)
    void fastPathMatchesNormalisedResolution(@ForAll @StringLength(min = 1, max = 12) @CharRange(from = '.', to = '/')
                                             String dotsAndSlashes, @ForAll boolean prefix) {
        String rel = (prefix ? "a" : "") + dotsAndSlashes.replace('.', dotsAndSlashes.length() % 3 == 0 ? 'b' : '.');
        Path base = CTX.root().resolve("images");
        Path slow = base.resolve(rel.trim()).normalize();
        if (!slow.startsWith(CTX.root())) {
            assertThrows(BadRecord.class, () -> CTX.imagePath(base, rel));
        } else if (!rel.isBlank()) {
            assertEquals(slow.toString(), CTX.imagePath(base, rel), rel);
        }
    }

    @Test
    void examples() {
        Path base = CTX.root().resolve("images");
        assertEquals("/data/pmc/images/a/b.jpg", CTX.imagePath(base, "a/b.jpg"));
        assertEquals("/data/pmc/b.jpg", CTX.imagePath(base, "./x/../../b.jpg"));
        assertThrows(BadRecord.class, () -> CTX.imagePath(base, "../../etc/passwd"));
        assertThrows(BadRecord.class, () -> CTX.imagePath(base, "/etc/passwd"));
        assertEquals("/data/pmc/x.jpg", CTX.imagePath(CTX.file("."), "x.jpg"));
    }
}
