package org.medvl.index;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** Tests that start from the {@link Fixtures} cases indexed with the {@link TopicEmbedder} in a temporary folder. */
abstract class BuiltIndexFixture {
    @TempDir
    Path tmp;
    Path dir;
    List<IndexedCase> cases;
    final TopicEmbedder embedder = new TopicEmbedder();
    IndexBuilder.Result built;

    @BeforeEach
    void buildFixtureIndex() {
        cases = Fixtures.cases(tmp.resolve("images"));
        dir = tmp.resolve("index");
        built = IndexBuilder.build(dir, cases.stream(), embedder, IndexBuilder.Options.DEFAULT);
    }
}
