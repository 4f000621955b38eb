export const count = (n: number | null | undefined) => (n == null ? '–' : n.toLocaleString('en-US'));

export const percent = (share: number | null | undefined, digits = 1) =>
  share == null || Number.isNaN(share) ? '–' : `${(share * 100).toFixed(digits)} %`;

export function duration(millis: number | null | undefined): string {
  if (millis == null) {
    return '–';
  }
  if (millis < 1000) {
    return `${Math.round(millis)} ms`;
  }
  const seconds = millis / 1000;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

/** A file's size: `812 B`, `59.8 KB`, `3.4 MB` (binary units, as file managers show them). */
export function fileSize(bytes: number | null | undefined): string {
  if (bytes == null) return '–';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(1)} GB`;
}

/**
 * When, to the second in the person's own time: `18:42:07` today, else `6 Dec 2026, 18:42:07` — so uploads of
 * one file a minute apart (all "just now" or "3 min ago") can be told apart.
 */
export function clock(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) return '–';
  const then = new Date(iso);
  if (Number.isNaN(then.getTime())) return iso;
  const time = then.toLocaleTimeString('en-GB', {
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hour12: false,
  });
  if (then.toDateString() === new Date(now).toDateString()) return time;
  return `${then.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })}, ${time}`;
}

/** "just now", "3 min ago", "2 h ago", else the date. */
export function ago(iso: string | null | undefined, now = Date.now()): string {
  if (!iso) {
    return '–';
  }
  const then = Date.parse(iso);
  if (Number.isNaN(then)) {
    return iso;
  }
  const seconds = Math.max(0, Math.round((now - then) / 1000));
  if (seconds < 45) return 'just now';
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3600)} h ago`;
  return new Date(then).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

export const METRIC_NAMES: Record<string, string> = {
  accuracy: 'Accuracy',
  balanced_accuracy: 'Balanced accuracy',
  macro_f1: 'Macro F1',
  roc_auc: 'ROC AUC',
  log_loss: 'Log loss',
  rmse: 'RMSE',
  mae: 'MAE',
  r2: 'R²',
};

/** Errors: smaller is better. Every other score: larger is better. */
const LOWER_IS_BETTER = new Set(['log_loss', 'rmse', 'mae']);

/** Scores that live on a 0–1 scale (R² only above): three decimals tell two models apart, more is noise. */
const UNIT_SCALE = new Set(['accuracy', 'balanced_accuracy', 'macro_f1', 'roc_auc', 'r2']);

const LARGE: [number, string][] = [
  [1e12, 'T'],
  [1e9, 'B'],
  [1e6, 'M'],
];

/** `-0.000` reads as a sign that means something; it does not. */
const unsigned0 = (text: string) => (/^-0(\.0*)?$/.test(text) ? text.slice(1) : text);

/**
 * A metric's value for people — the one formatter every metric display uses (the model card, its tables, the
 * run history). Scores on a 0–1 scale get three decimals (`0.000`, never `-0.00000714`); errors are in the
 * target's own unit, so they are grouped and shortened by magnitude: `40.0 M`, `12,346`, `123.5`, `1.02`,
 * `0.443`.
 */
export function metricValue(name: string, value: number | null | undefined): string {
  if (value == null || Number.isNaN(value)) {
    return '–';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '∞' : '−∞';
  }
  if (UNIT_SCALE.has(name)) {
    return unsigned0(value.toFixed(3));
  }
  const magnitude = Math.abs(value);
  for (const [size, suffix] of LARGE) {
    if (magnitude >= size) {
      return `${(value / size).toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ${suffix}`;
    }
  }
  if (magnitude >= 1000) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (magnitude >= 100) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return unsigned0(value.toPrecision(3));
}

export const metricName = (name: string) => METRIC_NAMES[name] ?? name.replace(/_/g, ' ');

export const lowerIsBetter = (name: string) => LOWER_IS_BETTER.has(name);

/** How much better the model is than the baseline, in the metric's own direction (positive = better). */
export function gain(
  metric: string,
  score: number | null | undefined,
  baseline: number | null | undefined,
): number | null {
  if (score == null || baseline == null || Number.isNaN(score) || Number.isNaN(baseline)) {
    return null;
  }
  return lowerIsBetter(metric) ? baseline - score : score - baseline;
}

export const words = (identifier: string) => identifier.replace(/_/g, ' ');
