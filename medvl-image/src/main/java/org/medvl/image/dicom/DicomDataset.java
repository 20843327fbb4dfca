package org.medvl.image.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;

/**
 * A DICOM dataset: attributes in ascending tag order with their bytes in the byte order of the transfer syntax it
 * was read with. Not thread-safe while being modified; read-only use from several threads is fine.
 */
public final class DicomDataset {
    private final TreeMap<Integer, DicomElement> elements = new TreeMap<>(Integer::compareUnsigned);
    private final boolean bigEndian;

    public DicomDataset(boolean bigEndian) {
        this.bigEndian = bigEndian;
    }

    public boolean bigEndian() {
        return bigEndian;
    }

    public DicomElement get(int tag) {
        return elements.get(tag);
    }

    public boolean contains(int tag) {
        return elements.containsKey(tag);
    }

    public void put(DicomElement e) {
        elements.put(e.tag(), e);
    }

    public DicomElement remove(int tag) {
        return elements.remove(tag);
    }

    public Collection<DicomElement> elements() {
        return elements.values();
    }

    public List<Integer> tags() {
        return new ArrayList<>(elements.keySet());
    }

    public int size() {
        return elements.size();
    }

    /** The value as text with trailing spaces and NULs removed, or "" when absent or not text. */
    public String string(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.isEncapsulated()) {
            return "";
        }
        return trim(new String(e.value(), StandardCharsets.ISO_8859_1));
    }

    /** The first of a multi-valued text attribute ({@code a\b}). */
    public String firstString(int tag) {
        String s = string(tag);
        int bs = s.indexOf('\\');
        return bs < 0 ? s : s.substring(0, bs).trim();
    }

    /** All numeric values (DS, IS, US, SS, UL, SL, FL, FD), or an empty array when absent or unparseable. */
    public double[] numbers(int tag) {
        DicomElement e = elements.get(tag);
        if (e == null || e.isSequence() || e.isEncapsulated() || e.value().length == 0) {
            return new double[0];
        }
        Vr vr = e.vr() == Vr.UN ? Dictionary.vr(tag) : e.vr();
        byte[] v = e.value();
        switch (vr) {
            case US: case SS: {
                double[] out = new double[v.length / 2];
                for (int i = 0; i < out.length; i++) {
                    int x = u16(v, i * 2);
                    out[i] = vr == Vr.SS ? (short) x : x;
                }
                return out;
            }
            case UL: case SL: {
                double[] out = new double[v.length / 4];
                for (int i = 0; i < out.length; i++) {
                    int x = i32(v, i * 4);
                    out[i] = vr == Vr.SL ? x : Integer.toUnsignedLong(x);
                }
                return out;
            }
            case FL: {
                double[] out = new double[v.length / 4];
                for (int i = 0; i < out.length; i++) {
                    out[i] = Float.intBitsToFloat(i32(v, i * 4));
                }
                return out;
            }
            case FD: {
                double[] out = new double[v.length / 8];
                for (int i = 0; i < out.length; i++) {
                    long hi = i32(v, i * 8 + (bigEndian ? 0 : 4)) & 0xFFFFFFFFL;
                    long lo = i32(v, i * 8 + (bigEndian ? 4 : 0)) & 0xFFFFFFFFL;
                    out[i] = Double.longBitsToDouble(hi << 32 | lo);
                }
                return out;
            }
            default: {
                String s = string(tag);
                if (s.isEmpty()) {
                    return new double[0];
                }
                String[] parts = s.split("\\\\");
                double[] out = new double[parts.length];
                for (int i = 0; i < parts.length; i++) {
                    try {
                        out[i] = Double.parseDouble(parts[i].trim());
                    } catch (NumberFormatException ex) {
                        return new double[0];
                    }
                    if (!Double.isFinite(out[i])) {
                        return new double[0];
                    }
                }
                return out;
            }
        }
    }

    /** The first numeric value, or {@code fallback} when absent or unparseable. */
    public double number(int tag, double fallback) {
        double[] v = numbers(tag);
        return v.length == 0 ? fallback : v[0];
    }

    /** The first numeric value as an int, or {@code fallback}. */
    public int integer(int tag, int fallback) {
        double v = number(tag, Double.NaN);
        return Double.isNaN(v) || v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE ? fallback : (int) v;
    }

    /** A deep copy (values shared; they are never modified in place). */
    public DicomDataset copy() {
        DicomDataset d = new DicomDataset(bigEndian);
        for (DicomElement e : elements.values()) {
            if (e.isSequence()) {
                List<DicomDataset> items = new ArrayList<>();
                for (DicomDataset item : e.items()) {
                    items.add(item.copy());
                }
                d.put(DicomElement.ofSequence(e.tag(), items));
            } else {
                d.put(e);
            }
        }
        return d;
    }

    private int u16(byte[] v, int i) {
        return bigEndian ? (v[i] & 0xFF) << 8 | (v[i + 1] & 0xFF) : (v[i + 1] & 0xFF) << 8 | (v[i] & 0xFF);
    }

    private int i32(byte[] v, int i) {
        return bigEndian ? u16(v, i) << 16 | u16(v, i + 2) : u16(v, i + 2) << 16 | u16(v, i);
    }

    static String trim(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
            end--;
        }
        int start = 0;
        while (start < end && s.charAt(start) == ' ') {
            start++;
        }
        return s.substring(start, end);
    }

    @Override
    public String toString() {
        return "DicomDataset[" + elements.size() + " attributes]";
    }
}
