package io.retort.quarkus;

/** What the {@code quarkus-retort} extension shows Quarkus: its feature name, listed in the startup log. */
public final class RetortFeature {
    /** The feature name, {@code retort}. */
    public static final String NAME = "retort";

    private RetortFeature() {
    }
}
