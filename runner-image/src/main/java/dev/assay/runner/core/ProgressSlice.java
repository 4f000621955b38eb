package dev.assay.runner.core;

/** Maps a part's own 0-100 onto a slice of the whole, never going backwards. */
final class ProgressSlice implements ProgressListener {

    private final ProgressListener whole;
    private final int from;
    private final int to;
    private int last = -1;

    ProgressSlice(ProgressListener whole, int from, int to) {
        this.whole = whole;
        this.from = from;
        this.to = to;
    }

    @Override
    public synchronized void update(int percent, String stage) {
        int mapped = from + (to - from) * Math.max(0, Math.min(100, percent)) / 100;
        last = Math.max(last, mapped);
        whole.update(last, stage);
    }
}
