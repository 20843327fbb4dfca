package org.medvl.synth;

/**
 * The five lobes (the lingula counted with the left upper lobe), with where each projects on a frontal radiograph in
 * lung-relative coordinates: {@code s} runs from apex (0) to base (1), {@code t} from the midline (0) to the lateral
 * rib margin (1). Lobes overlap on a frontal view; these regions are where a finding in that lobe is drawn.
 */
public enum Lobe {
    RIGHT_UPPER(Side.RIGHT, "right upper lobe", "RUL", 0.22, 0.55),
    RIGHT_MIDDLE(Side.RIGHT, "right middle lobe", "RML", 0.6, 0.38),
    RIGHT_LOWER(Side.RIGHT, "right lower lobe", "RLL", 0.84, 0.72),
    LEFT_UPPER(Side.LEFT, "left upper lobe", "LUL", 0.3, 0.6),
    LEFT_LOWER(Side.LEFT, "left lower lobe", "LLL", 0.86, 0.74);

    private final Side side;
    private final String words;
    private final String abbreviation;
    private final double centreS;
    private final double centreT;

    Lobe(Side side, String words, String abbreviation, double centreS, double centreT) {
        this.side = side;
        this.words = words;
        this.abbreviation = abbreviation;
        this.centreS = centreS;
        this.centreT = centreT;
    }

    /** A typical point of the lobe's projection, lung-relative (s, t). */
    double centreS() {
        return centreS;
    }

    double centreT() {
        return centreT;
    }

    public Side side() {
        return side;
    }

    /** "right upper lobe". */
    public String words() {
        return words;
    }

    /** "RUL". */
    public String abbreviation() {
        return abbreviation;
    }

    /**
     * Soft membership (0..1) of a lung-relative point in this lobe's frontal projection. The minor fissure is
     * horizontal; the major fissures project obliquely, so the lower lobes occupy the lower lateral lung and the
     * middle lobe and lingula reach down along the heart border.
     */
    double weight(double s, double t) {
        double minor = Shapes.step(0.37, 0.45, s);
        double major = Shapes.step(-0.05, 0.05, s - (0.45 + 0.35 * (1 - t)));
        return switch (this) {
            case RIGHT_UPPER -> 1 - minor;
            case RIGHT_MIDDLE -> minor * (1 - major);
            case RIGHT_LOWER -> minor * major;
            case LEFT_UPPER -> 1 - Shapes.step(-0.05, 0.05, s - (0.42 + 0.38 * (1 - t)));
            case LEFT_LOWER -> 1 - LEFT_UPPER.weight(s, t);
        };
    }
}
