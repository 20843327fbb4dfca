package org.medvl.image;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.medvl.core.MedvlException;

/**
 * A VOI window (centre and width, in modality units such as Hounsfield units) and the linear mapping DICOM PS3.3
 * C.11.2.1.2 defines from modality values to display values.
 *
 * @param center window centre
 * @param width window width: at least 1 for LINEAR, above 0 for LINEAR_EXACT and SIGMOID
 * @param function VOI LUT function: LINEAR, LINEAR_EXACT or SIGMOID (PS3.3 C.11.2.1.3)
 */
public record Window(double center, double width, String function) {
    /** Named CT presets (centre/width in HU), the values radiology teaching material uses (e.g. Radiopaedia "Windowing (CT)"). */
    private static final Map<String, Window> PRESETS = new LinkedHashMap<>();

    static {
        PRESETS.put("lung", new Window(-600, 1500));
        PRESETS.put("mediastinum", new Window(50, 350));
        PRESETS.put("bone", new Window(400, 1800));
        PRESETS.put("brain", new Window(40, 80));
        PRESETS.put("abdomen", new Window(40, 400));
        PRESETS.put("liver", new Window(60, 160));
        PRESETS.put("subdural", new Window(75, 215));
        PRESETS.put("stroke", new Window(40, 40));
    }

    public Window {
        function = function == null || function.isBlank() ? "LINEAR" : function.trim().toUpperCase(Locale.ROOT);
        if (!function.equals("LINEAR") && !function.equals("LINEAR_EXACT") && !function.equals("SIGMOID")) {
            throw new IllegalArgumentException("unknown VOI LUT function " + function);
        }
        // PS3.3 C.11.2.1.2: width >= 1 for LINEAR, > 0 for LINEAR_EXACT and SIGMOID
        boolean ok = function.equals("LINEAR") ? width >= 1 : width > 0 && Double.isFinite(width);
        if (!ok || !Double.isFinite(center)) {
            throw new IllegalArgumentException("window width must be " + (function.equals("LINEAR") ? ">= 1" : "> 0")
                    + " and centre finite, got centre " + center + " width " + width);
        }
    }

    public Window(double center, double width) {
        this(center, width, "LINEAR");
    }

    /** The preset names, in the order {@code --help} lists them. */
    public static java.util.Set<String> presetNames() {
        return java.util.Collections.unmodifiableSet(PRESETS.keySet());
    }

    /** A named preset, e.g. {@code lung}; a clear error for an unknown name. */
    public static Window preset(String name) {
        Window w = PRESETS.get(name.trim().toLowerCase(Locale.ROOT));
        if (w == null) {
            throw new MedvlException("unknown window preset '" + name + "'; known: " + String.join(", ", PRESETS.keySet()));
        }
        return w;
    }

    /** Parses {@code C,W} (e.g. {@code -600,1500}) or a preset name. */
    public static Window parse(String text) {
        String t = text.trim();
        int comma = t.indexOf(',');
        if (comma < 0) {
            if (!PRESETS.containsKey(t.toLowerCase(Locale.ROOT)) && t.matches("[-+0-9.eE]+")) {
                throw new MedvlException("bad window '" + text + "': expected CENTRE,WIDTH such as -600,1500, or a preset ("
                        + String.join(", ", PRESETS.keySet()) + ")");
            }
            return preset(t);
        }
        try {
            return new Window(Double.parseDouble(t.substring(0, comma).trim()),
                    Double.parseDouble(t.substring(comma + 1).trim()));
        } catch (NumberFormatException e) {
            throw new MedvlException("bad window '" + text + "': expected CENTRE,WIDTH such as -600,1500 or a preset");
        }
    }

    /** Maps a modality value to [0, 1] per PS3.3 C.11.2.1.2 (LINEAR), C.11.2.1.3.2 (LINEAR_EXACT) or SIGMOID. */
    public float apply(float x) {
        return mapper().map(x);
    }

    /** A precomputed mapping for tight loops. */
    public Mapper mapper() {
        switch (function) {
            case "LINEAR_EXACT": {
                double lo = center - width / 2;
                double scale = 1.0 / width;
                return x -> {
                    double y = (x - lo) * scale;
                    return (float) (y <= 0 ? 0 : y >= 1 ? 1 : y);
                };
            }
            case "SIGMOID": {
                double c = center;
                double w = width;
                return x -> (float) (1.0 / (1.0 + Math.exp(-4.0 * (x - c) / w)));
            }
            default: {
                // PS3.3 C.11.2.1.2.1: if x <= c - 0.5 - (w-1)/2 -> min; x > c - 0.5 + (w-1)/2 -> max;
                // else ((x - (c - 0.5)) / (w - 1) + 0.5) scaled to the output range.
                double c5 = center - 0.5;
                double w1 = width - 1;
                double lo = c5 - w1 / 2;
                double hi = c5 + w1 / 2;
                double inv = w1 > 0 ? 1.0 / w1 : 0;
                return x -> {
                    if (x <= lo) {
                        return 0f;
                    }
                    if (x > hi) {
                        return 1f;
                    }
                    return (float) ((x - c5) * inv + 0.5);
                };
            }
        }
    }

    /** A window mapping, modality value to [0, 1]. */
    @FunctionalInterface
    public interface Mapper {
        float map(float x);
    }

    @Override
    public String toString() {
        String s = fmt(center) + "," + fmt(width);
        return function.equals("LINEAR") ? s : s + " (" + function + ")";
    }

    private static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        // 6 significant digits: windows derived from float data would otherwise print float noise
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
