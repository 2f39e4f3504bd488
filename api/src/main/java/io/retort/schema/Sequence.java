package io.retort.schema;

/**
 * A database sequence (PostgreSQL, H2, MariaDB 10.3+), created and dropped with the tables of its
 * {@link MetaData}; a column takes its defaults from one with {@link Column#sequence(Sequence)}.
 *
 * @param name the sequence name
 * @param start the first value
 * @param increment the step
 */
public record Sequence(String name, long start, long increment) {
    /** Checks the increment is not zero. */
    public Sequence {
        if (increment == 0) {
            throw new io.retort.exception.InvalidArgumentException("Sequence " + name + " needs a non-zero increment");
        }
    }
}
