package dev.assay.runner.profile;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * The most frequent values of a column without sorting all of them: a bounded heap whose head is the weakest
 * kept value. Ties go to the smaller value, so two profiles of the same data list the same values.
 */
final class TopValues {

    /** Weakest first: fewer occurrences, then the larger value. */
    private static final Comparator<Map.Entry<String, Long>> WEAKEST_FIRST = Map.Entry.<String, Long>comparingByValue()
            .thenComparing(Map.Entry.<String, Long>comparingByKey().reversed());

    private final int capacity;
    private final PriorityQueue<Map.Entry<String, Long>> heap;

    TopValues(int capacity) {
        this.capacity = capacity;
        this.heap = new PriorityQueue<>(capacity + 1, WEAKEST_FIRST);
    }

    /** Whether a value seen this often could still get in, whatever it is; saves formatting hopeless ones. */
    boolean wouldKeep(long count) {
        return heap.size() < capacity || count >= heap.peek().getValue();
    }

    /**
     * Whether a value seen this often could still get in when it is larger than every value kept: then a tie with
     * the weakest kept value goes to the kept one.
     */
    boolean wouldKeepLarger(long count) {
        return heap.size() < capacity || count > heap.peek().getValue();
    }

    /**
     * Whether this value, seen this often, would get in: as {@link #wouldKeep(long)}, and on a tie with the weakest
     * kept value only when it is the smaller, as {@link #offer} decides it. Lets a caller write the value into a
     * reused buffer and make a String only for the few that get in.
     */
    boolean wouldKeep(long count, CharSequence value) {
        if (heap.size() < capacity) {
            return true;
        }
        Map.Entry<String, Long> weakest = heap.peek();
        long least = weakest.getValue();
        return count > least || count == least && CharSequence.compare(value, weakest.getKey()) < 0;
    }

    void offer(String value, long count) {
        if (!wouldKeep(count)) {
            return;
        }
        heap.add(Map.entry(value, count));
        if (heap.size() > capacity) {
            heap.poll();
        }
    }

    /** The kept values, in no particular order. */
    List<Map.Entry<String, Long>> entries() {
        return new ArrayList<>(heap);
    }
}
