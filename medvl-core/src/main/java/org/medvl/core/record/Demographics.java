package org.medvl.core.record;

/**
 * Patient attributes used for fairness analysis, each null when the dataset does not give it.
 *
 * @param age  age in years
 * @param sex  "F", "M" or "O" as given by the dataset, normalised to upper case
 * @param race the dataset's own race/ethnicity label
 */
public record Demographics(Integer age, String sex, String race) {
    public static final Demographics UNKNOWN = new Demographics(null, null, null);

    public Demographics {
        if (age != null && (age < 0 || age > 150)) {
            throw new IllegalArgumentException("age out of range: " + age);
        }
        sex = sex == null || sex.isBlank() ? null : sex.trim().toUpperCase(java.util.Locale.ROOT);
        race = race == null || race.isBlank() ? null : race.trim();
    }

    public boolean isUnknown() {
        return age == null && sex == null && race == null;
    }
}
