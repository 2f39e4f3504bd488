package io.retort.it.reliability;

import static io.retort.sql.Sql.text;

import io.retort.engine.Connection;
import io.retort.engine.Engine;
import io.retort.engine.Result;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Iterator;
import java.util.Map;

/**
 * Streams {@code rows} generated rows from the database at {@code url} through {@code Connection.stream()} in a JVM
 * started with a small heap, and prints the rows read, their sum and the heap's peak use. Run by StreamingMemoryIT.
 */
public final class StreamMain {
    private StreamMain() {
    }

    /** Arguments: the Retort URL and the number of rows. */
    public static void main(String[] args) {
        String url = args[0];
        int rows = Integer.parseInt(args[1]);
        long count = 0;
        long sum = 0;
        try (Engine engine = Engine.create(url); Connection conn = engine.connect()) {
            String sql = engine.dialectName().equals("postgresql")
                    ? "SELECT g, 'row number ' || g FROM generate_series(1, " + rows + ") AS g"
                    : "SELECT seq, CONCAT('row number ', seq) FROM seq_1_to_" + rows;
            Result result = conn.stream(text(sql), Map.of(), 1000);
            Iterator<Object[]> values = result.arrays().iterator();
            while (values.hasNext()) {
                Object[] row = values.next();
                count++;
                sum += ((Number) row[0]).longValue();
            }
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.println("rows=" + count + " sum=" + sum + " peakHeapBytes=" + peak + " maxHeapBytes="
                + Runtime.getRuntime().maxMemory());
    }
}
