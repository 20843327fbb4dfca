package org.medvl.synth;

/** Support devices the generator can draw (CheXpert's "Support Devices"). */
public enum Device {
    ENDOTRACHEAL_TUBE("endotracheal tube"),
    CENTRAL_LINE("central venous catheter"),
    PACEMAKER("pacemaker"),
    ENTERIC_TUBE("enteric tube");

    private final String words;

    Device(String words) {
        this.words = words;
    }

    /** Plain name, e.g. "endotracheal tube". */
    public String words() {
        return words;
    }
}
