package org.medvl.data;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import org.medvl.core.MedvlException;
import org.medvl.core.record.Split;

/**
 * Which dataset to read and from where: the {@code --dataset NAME:PATH[#split]} syntax every command accepts, e.g.
 * {@code vqa-rad:../shared/data/vqa-rad#test} or {@code manifest:out/manifest.jsonl}.
 *
 * @param name  the registry name (aliases such as {@code pathvqa-subset} are mapped to their canonical name)
 * @param path  the dataset folder as its authors publish it, or the manifest file
 * @param split the split to restrict to; empty means every split
 */
public record DatasetSpec(String name, Path path, Optional<Split> split) {
    public DatasetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        split = split == null ? Optional.empty() : split.filter(s -> s != Split.UNSPLIT);
    }

    /** A spec for every split of a dataset; the name must be registered. */
    public static DatasetSpec of(String name, Path path) {
        return new DatasetSpec(DatasetRegistry.require(name).name(), path, Optional.empty());
    }

    /** This spec restricted to one split ({@link Split#UNSPLIT} means all). */
    public DatasetSpec withSplit(Split s) {
        return new DatasetSpec(name, path, Optional.ofNullable(s));
    }

    /**
     * Parses {@code NAME:PATH} or {@code NAME:PATH#split}. The name is case-insensitive; an unknown name, an empty
     * path or an unknown split is a {@link MedvlException} that says what is expected.
     */
    public static DatasetSpec parse(String spec) {
        if (spec == null || spec.isBlank()) {
            throw new MedvlException("empty dataset spec: expected NAME:PATH or NAME:PATH#split, e.g. vqa-rad:data/vqa-rad#test");
        }
        String s = spec.trim();
        int colon = s.indexOf(':');
        if (colon <= 0) {
            throw new MedvlException("dataset spec '" + s + "' must be NAME:PATH or NAME:PATH#split (e.g. "
                    + "vqa-rad:data/vqa-rad#test); known names: " + String.join(", ", DatasetRegistry.names()));
        }
        String name = s.substring(0, colon);
        String rest = s.substring(colon + 1);
        Optional<Split> split = Optional.empty();
        int hash = rest.lastIndexOf('#');
        if (hash >= 0) {
            String splitName = rest.substring(hash + 1);
            rest = rest.substring(0, hash);
            try {
                split = Optional.of(Split.parse(splitName));
            } catch (IllegalArgumentException e) {
                throw new MedvlException("dataset spec '" + s + "': " + e.getMessage());
            }
        }
        if (rest.isBlank()) {
            throw new MedvlException("dataset spec '" + s + "' has no path after '" + name + ":'");
        }
        DatasetInfo info = DatasetRegistry.require(name);
        return new DatasetSpec(info.name(), Path.of(rest), split);
    }

    @Override
    public String toString() {
        return name + ":" + path + split.map(x -> "#" + x.id()).orElse("");
    }
}
