package dev.assay.runner.training;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Row splits with a fixed seed: a stratified hold-out (each class keeps its share in both parts) and
 * stratified k folds. For regression the "strata" are quantile groups of the target, so that both parts see
 * the whole range of values.
 */
public final class Splits {

    /** Indices into the rows of a training run. */
    public record Holdout(int[] train, int[] test) {}

    private Splits() {}

    public static Holdout holdout(int[] strata, double testShare, long seed) {
        Random random = new Random(seed);
        List<Integer> train = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (List<Integer> group : groups(strata)) {
            Collections.shuffle(group, random);
            int take = (int) Math.round(group.size() * testShare);
            if (group.size() >= 2) {
                take = Math.max(1, Math.min(group.size() - 1, take));
            }
            test.addAll(group.subList(0, take));
            train.addAll(group.subList(take, group.size()));
        }
        return new Holdout(sorted(train), sorted(test));
    }

    /**
     * The fold (0 to k-1) of each of the given rows, dealt round-robin within each stratum after a seeded
     * shuffle, so every fold has about the same class mix.
     */
    public static int[] folds(int[] strata, int k, long seed) {
        Random random = new Random(seed);
        int[] fold = new int[strata.length];
        int next = 0;
        for (List<Integer> group : groups(strata)) {
            Collections.shuffle(group, random);
            for (int index : group) {
                fold[index] = next;
                next = (next + 1) % k;
            }
        }
        return fold;
    }

    /** Strata for a numeric target: ten quantile groups. */
    public static int[] quantileStrata(double[] values, int groups) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        int[] strata = new int[values.length];
        for (int rank = 0; rank < order.length; rank++) {
            strata[order[rank]] = (int) ((long) rank * groups / Math.max(1, order.length));
        }
        return strata;
    }

    private static List<List<Integer>> groups(int[] strata) {
        int max = 0;
        for (int s : strata) {
            max = Math.max(max, s);
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (int g = 0; g <= max; g++) {
            groups.add(new ArrayList<>());
        }
        for (int i = 0; i < strata.length; i++) {
            groups.get(strata[i]).add(i);
        }
        return groups;
    }

    private static int[] sorted(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
