package org.medvl.eval.trust;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medvl.core.MedvlException;

/**
 * Decides whether an answer refuses or abstains, by cue phrases (as CARES does with keyword lists). The phrase lists
 * are resource files a user can replace or extend: one phrase per line, '#' comments.
 */
public final class ResponseCues {
    private final List<String> refusal;
    private final List<String> abstention;

    public ResponseCues(List<String> refusal, List<String> abstention) {
        this.refusal = List.copyOf(refusal);
        this.abstention = List.copyOf(abstention);
    }

    /** The built-in English cue lists. */
    public static ResponseCues defaults() {
        return new ResponseCues(PromptSets.resource("refusal-cues.txt"), PromptSets.resource("abstention-cues.txt"));
    }

    /** The defaults plus a user's extra refusal and abstention phrase files (either may be null). */
    public ResponseCues extendedWith(Path extraRefusal, Path extraAbstention) {
        List<String> r = new ArrayList<>(refusal);
        List<String> a = new ArrayList<>(abstention);
        if (extraRefusal != null) {
            r.addAll(PromptSets.file(extraRefusal));
        }
        if (extraAbstention != null) {
            a.addAll(PromptSets.file(extraAbstention));
        }
        return new ResponseCues(r, a);
    }

    public boolean isRefusal(String answer) {
        return containsAny(answer, refusal);
    }

    public boolean isAbstention(String answer) {
        return containsAny(answer, abstention);
    }

    private static boolean containsAny(String answer, List<String> cues) {
        String a = normalise(answer);
        for (String c : cues) {
            if (a.contains(c)) {
                return true;
            }
        }
        return false;
    }

    /** Lower case with typographic apostrophes made plain, so "I can’t" matches "i can't". */
    static String normalise(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'')
                .replaceAll("\\s+", " ");
    }

    /** Line-based prompt and phrase files. */
    static final class PromptSets {
        private PromptSets() {
        }

        static List<String> resource(String name) {
            try (InputStream in = ResponseCues.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                return lines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), true);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read resource " + name, e);
            }
        }

        static List<String> file(Path p) {
            try (BufferedReader r = Files.newBufferedReader(p, StandardCharsets.UTF_8)) {
                return lines(r, true);
            } catch (IOException e) {
                throw new MedvlException("cannot read " + p + ": " + e.getMessage());
            }
        }

        /** Prompts keep their case; cue phrases are lower-cased for matching. */
        static List<String> prompts(String resourceName) {
            try (InputStream in = ResponseCues.class.getResourceAsStream(resourceName)) {
                return lines(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), false);
            } catch (IOException e) {
                throw new IllegalStateException("cannot read resource " + resourceName, e);
            }
        }

        private static List<String> lines(BufferedReader r, boolean lowerCase) throws IOException {
            List<String> out = new ArrayList<>();
            String line;
            while ((line = r.readLine()) != null) {
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                out.add(lowerCase ? normalise(t) : t);
            }
            return out;
        }
    }
}
