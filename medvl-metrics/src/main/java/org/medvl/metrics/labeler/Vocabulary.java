package org.medvl.metrics.labeler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.medvl.core.MedvlException;

/**
 * The labeler's phrase lists: mention phrases per observation (mentions.tsv) and negation / uncertainty cues
 * (cues.tsv), bundled as resources and extendable with a user's own files in the same format.
 *
 * <p>mentions.tsv lines: {@code Observation<TAB>pattern[<TAB>kind]} where kind is {@code mention} (default: a
 * finding whose state the cues decide), {@code negative} (a normal statement such as "heart size ... normal" that
 * asserts absence), {@code uncertain} (a phrase that is itself hedged) or {@code ignore} (a look-alike to skip, such as
 * "pericardial effusion" for Pleural Effusion). cues.tsv lines: {@code type<TAB>pattern}, types in {@link CueType}.
 * Blank lines and lines starting with '#' are comments. Pattern syntax: {@link PhrasePattern}.
 */
public final class Vocabulary {
    /** How a matched mention phrase is read. */
    enum Kind { MENTION, NEGATIVE, UNCERTAIN, IGNORE }

    record MentionRule(Observation observation, PhrasePattern pattern, Kind kind) {
    }

    record CueRule(CueType type, PhrasePattern pattern) {
    }

    private static final String MENTIONS = "mentions.tsv";
    private static final String CUES = "cues.tsv";

    private final List<MentionRule> mentions;
    private final List<CueRule> cues;

    private Vocabulary(List<MentionRule> mentions, List<CueRule> cues) {
        this.mentions = Collections.unmodifiableList(mentions);
        this.cues = Collections.unmodifiableList(cues);
    }

    /** The bundled vocabulary. */
    public static Vocabulary builtIn() {
        List<MentionRule> m = new ArrayList<>();
        List<CueRule> c = new ArrayList<>();
        readResource(MENTIONS, (src, line, cols) -> m.add(mention(src, line, cols)));
        readResource(CUES, (src, line, cols) -> c.add(cue(src, line, cols)));
        return new Vocabulary(m, c);
    }

    /** This vocabulary plus the mention lines of a user file (same format as the bundled mentions.tsv). */
    public Vocabulary withMentions(Path file) {
        List<MentionRule> m = new ArrayList<>(mentions);
        readFile(file, (src, line, cols) -> m.add(mention(src, line, cols)));
        return new Vocabulary(m, cues);
    }

    /** This vocabulary plus the cue lines of a user file (same format as the bundled cues.tsv). */
    public Vocabulary withCues(Path file) {
        List<CueRule> c = new ArrayList<>(cues);
        readFile(file, (src, line, cols) -> c.add(cue(src, line, cols)));
        return new Vocabulary(mentions, c);
    }

    List<MentionRule> mentions() {
        return mentions;
    }

    List<CueRule> cues() {
        return cues;
    }

    /** Number of mention phrases and cue phrases, for logs. */
    public String summary() {
        return mentions.size() + " mention phrases, " + cues.size() + " cue phrases";
    }

    private interface LineSink {
        void accept(String source, int line, String[] cols);
    }

    private static MentionRule mention(String src, int line, String[] cols) {
        if (cols.length < 2 || cols.length > 3) {
            throw new MedvlException(src + ":" + line + ": expected Observation<TAB>pattern[<TAB>kind], got "
                    + cols.length + " column(s)");
        }
        try {
            Observation o = Observation.parse(cols[0]);
            Kind kind = cols.length == 3 ? Kind.valueOf(cols[2].trim().toUpperCase(Locale.ROOT)) : Kind.MENTION;
            return new MentionRule(o, PhrasePattern.parse(cols[1]), kind);
        } catch (IllegalArgumentException e) {
            String msg = e.getMessage() != null && e.getMessage().startsWith("No enum constant")
                    ? "kind must be mention, negative, uncertain or ignore, got \"" + cols[2].trim() + "\""
                    : e.getMessage();
            throw new MedvlException(src + ":" + line + ": " + msg);
        }
    }

    private static CueRule cue(String src, int line, String[] cols) {
        if (cols.length != 2) {
            throw new MedvlException(src + ":" + line + ": expected type<TAB>pattern, got " + cols.length
                    + " column(s)");
        }
        try {
            return new CueRule(CueType.parse(cols[0]), PhrasePattern.parse(cols[1]));
        } catch (IllegalArgumentException e) {
            throw new MedvlException(src + ":" + line + ": " + e.getMessage());
        }
    }

    private static void readResource(String name, LineSink sink) {
        InputStream in = Vocabulary.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("labeler resource missing: " + name);
        }
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            read(r, "labeler/" + name, sink);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void readFile(Path file, LineSink sink) {
        try (BufferedReader r = org.medvl.core.io.JsonLines.strictUtf8Reader(file)) {
            read(r, file.toString(), sink);
        } catch (NoSuchFileException e) {
            throw new MedvlException("vocabulary file not found: " + file);
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new MedvlException(file + ": invalid UTF-8");
        } catch (IOException e) {
            throw new MedvlException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static void read(BufferedReader r, String source, LineSink sink) throws IOException {
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            sink.accept(source, n, t.split("\t+"));
        }
    }
}
