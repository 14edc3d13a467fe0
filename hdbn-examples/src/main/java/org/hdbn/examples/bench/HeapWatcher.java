package org.hdbn.examples.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * The peak heap use of a stretch of a run, from garbage-collection notifications: between
 * collections the heap only grows, so its peak is the largest heap use just before a collection
 * (or the use at the end, when no collection followed). Also the largest use just after a
 * collection pause: an upper bound of the live data, the footprint the run cannot do without.
 */
public final class HeapWatcher implements AutoCloseable {

    private final Set<String> heapPools = new HashSet<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final AtomicLong peakBeforeGc = new AtomicLong();
    private final AtomicLong peakAfterGc = new AtomicLong();
    private final AtomicLong collections = new AtomicLong();
    private final AtomicLong pauseMillis = new AtomicLong();
    private final NotificationListener listener = this::onNotification;

    /** Starts watching. */
    public HeapWatcher() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** The largest heap use seen: before any collection so far, or now. */
    public long peakBytes() {
        return Math.max(peakBeforeGc.get(), usedNow());
    }

    /** The largest heap use right after a collection (0 when none ran). */
    public long peakLiveBytes() {
        return peakAfterGc.get();
    }

    public long collections() {
        return collections.get();
    }

    /** The summed duration of the collection pauses seen, in milliseconds. */
    public long pauseMillis() {
        return pauseMillis.get();
    }

    @Override
    public void close() {
        for (NotificationEmitter emitter : emitters) {
            try {
                emitter.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException e) {
                // already removed: nothing to undo
            }
        }
        emitters.clear();
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        var notice = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (notice.getGcName().contains("Concurrent")) {
            // a concurrent cycle's phases overlap allocation: only the pauses bracket the heap's peaks
            return;
        }
        var info = notice.getGcInfo();
        collections.incrementAndGet();
        pauseMillis.addAndGet(info.getDuration());
        peakBeforeGc.accumulateAndGet(heapUse(info.getMemoryUsageBeforeGc()), Math::max);
        peakAfterGc.accumulateAndGet(heapUse(info.getMemoryUsageAfterGc()), Math::max);
    }

    private long heapUse(Map<String, MemoryUsage> pools) {
        long sum = 0;
        for (Map.Entry<String, MemoryUsage> e : pools.entrySet()) {
            if (heapPools.contains(e.getKey())) {
                sum += e.getValue().getUsed();
            }
        }
        return sum;
    }

    private static long usedNow() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
