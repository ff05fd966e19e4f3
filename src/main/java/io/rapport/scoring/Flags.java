package io.rapport.scoring;

/** Flag ids the engine itself adds; cutoff flags come from the instrument definition. */
public final class Flags {

    /** More missing or not-applicable items than the instrument's prorating rule allows. */
    public static final String TOO_MANY_MISSING = "too-many-missing";
    /** Prefix of {@code subscale-unscored:<id>}, added when a subscale has a missing item it may not impute. */
    public static final String SUBSCALE_UNSCORED = "subscale-unscored:";

    private Flags() {
    }
}
