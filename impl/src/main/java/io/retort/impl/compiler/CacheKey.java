package io.retort.impl.compiler;

import org.jspecify.annotations.Nullable;

/**
 * A statement's cache key: the tokens of its walk, compared element by element (a flat comparison, not another
 * walk of the tree), with the hash computed during the walk.
 */
final class CacheKey {
    /** The tokens, in the first {@link #size} places (a probe key shares its walk's larger array). */
    private final @Nullable Object[] tokens;
    private final int size;
    private final int hash;

    CacheKey(@Nullable Object[] tokens, int size, int hash) {
        this.tokens = tokens;
        this.size = size;
        this.hash = hash;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        if (!(other instanceof CacheKey)) {
            return false;
        }
        CacheKey that = (CacheKey) other;
        return that.hash == hash && that.size == size
                && java.util.Arrays.equals(that.tokens, 0, size, tokens, 0, size);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return "CacheKey" + java.util.Arrays.toString(java.util.Arrays.copyOf(tokens, size));
    }
}
