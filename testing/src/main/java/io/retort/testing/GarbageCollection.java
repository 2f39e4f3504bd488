package io.retort.testing;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Makes the garbage collector run until a condition holds, without relying on {@code System.gc()} being honoured
 * (a JVM run with {@code -XX:+DisableExplicitGC} ignores it). When the hint did not do it, each round allocates up to
 * 256 MB of softly reachable garbage (less on a smaller heap), which makes the JVM collect; a soft reference is cleared
 * before the JVM would run out of memory. A test that uses this fails only when the objects really stay reachable.
 */
public final class GarbageCollection {
    private static final int CHUNK = 1 << 20;

    private GarbageCollection() {
    }

    /**
     * Runs collections until {@code done} is true, or until the heap was filled {@code rounds} times over.
     *
     * @return whether {@code done} became true
     */
    public static boolean until(BooleanSupplier done, int rounds) throws InterruptedException {
        for (int round = 0; round < rounds && !done.getAsBoolean(); round++) {
            System.gc();
            Thread.sleep(10);
            if (done.getAsBoolean()) {
                return true;
            }
            fillHeap();
            Thread.sleep(10); // Cleaner and reference-queue threads act after the collection
        }
        return done.getAsBoolean();
    }

    /** Allocates until the JVM had to clear the soft references to what it allocated. */
    private static void fillHeap() {
        SoftReference<List<byte[]>> sentinel = new SoftReference<>(new ArrayList<>());
        long limit = Math.min(256, Runtime.getRuntime().maxMemory() / CHUNK / 2);
        for (long i = 0; i < limit; i++) {
            List<byte[]> chunks = sentinel.get();
            if (chunks == null) {
                return;
            }
            try {
                chunks.add(new byte[CHUNK]);
            } catch (OutOfMemoryError e) {
                chunks.clear();
                return;
            }
        }
    }
}
