package org.hdbn.examples.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;

/** The JVM's peak heap use so far, summed over the heap pools' peaks (an upper bound). */
final class Memory {

    private Memory() {
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static String peakHeap() {
        return String.format(Locale.ROOT, "%.0f MB", peakHeapBytes() / 1e6);
    }
}
