import type { PlanStep } from '../generated/plan';
import type { Alert, Severity } from '../lib/types';

export const SEVERITY_ORDER: Record<Severity, number> = { critical: 0, warning: 1, info: 2 };

/** The alerts about one column (or the whole table: column null), with the one fix recommended for it. */
export interface AlertGroup {
  column: string | null;
  severity: Severity;
  alerts: Alert[];
  fix: PlanStep | null;
}

const columnsOf = (step: PlanStep): string[] => {
  const columns = (step.params as Record<string, unknown>).columns;
  return Array.isArray(columns) ? columns.map(String) : [];
};

/**
 * A marker word read back as a value beats all (those cells are not missing); dropping a column makes every other
 * fix of it moot; converting it comes before filling or reshaping it.
 */
const precedence = (alert: Alert) =>
  alert.type === 'missing_marker'
    ? 0
    : alert.suggested_action?.type === 'drop_columns'
      ? 1
      : alert.suggested_action?.type === 'cast'
        ? 2
        : 3;

const same = (a: PlanStep, b: PlanStep) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Alerts grouped by the column they concern, most severe first, each group with at most one recommended fix: a
 * marker read back beats a drop, which beats a conversion, which beats the fix of the most severe alert; a fix
 * already offered for an earlier column (a drop suggested by two correlations) or contradicting the fix chosen for
 * a column it touches (a fill of a column another alert drops) is not offered.
 * The profiler already keeps one fix per column; this holds for profiles stored before it did, too.
 */
export function groupAlerts(alerts: Alert[]): AlertGroup[] {
  const byColumn = new Map<string | null, Alert[]>();
  for (const alert of alerts) {
    const key = alert.column ?? null;
    byColumn.set(key, [...(byColumn.get(key) ?? []), alert]);
  }
  const groups = [...byColumn.entries()]
    .map(([column, list]) => {
      const sorted = [...list].sort((a, b) => (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3));
      const candidates = sorted
        .filter((a) => a.suggested_action != null)
        .sort((a, b) => precedence(a) - precedence(b))
        .map((a) => a.suggested_action as PlanStep);
      return { column, severity: sorted[0].severity, alerts: sorted, candidates };
    })
    .sort(
      (a, b) =>
        (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3) || b.alerts.length - a.alerts.length,
    );

  // As the profiler does it (AlertRules.oneFixPerColumn): each column's fix is the first by precedence, then severity.
  const chosen = new Map<string, PlanStep>();
  alerts
    .filter((a) => a.suggested_action != null)
    .sort(
      (a, b) => precedence(a) - precedence(b) || (SEVERITY_ORDER[a.severity] ?? 3) - (SEVERITY_ORDER[b.severity] ?? 3),
    )
    .forEach((a) =>
      columnsOf(a.suggested_action!).forEach((c) => {
        if (!chosen.has(c)) chosen.set(c, a.suggested_action!);
      }),
    );
  const offered: PlanStep[] = [];
  return groups.map(({ column, severity, alerts: list, candidates }) => {
    const fix =
      candidates.find(
        (step) =>
          !offered.some((o) => same(o, step)) && columnsOf(step).every((c) => same(chosen.get(c) ?? step, step)),
      ) ?? null;
    if (fix) offered.push(fix);
    return { column, severity, alerts: list, fix };
  });
}
