import type { ActionType, PlanStep } from '../generated/plan';
import { ACTION_DESCRIPTIONS, ACTION_LABELS, ACTION_PARAMS, ACTION_TYPES } from '../generated/plan';

/**
 * A colour per kind of action, so a plan reads at a glance: removing (red), filling and limiting (orange),
 * converting (blue), creating (violet), training (green). Labels come from the model (ActionType.label), so the
 * UI and the HTML report name an action alike.
 */
const COLORS: Record<ActionType, string> = {
  drop_columns: '#b42318',
  drop_duplicates: '#b42318',
  drop_missing_rows: '#b42318',
  impute: '#b54708',
  clip_outliers: '#b54708',
  cast: '#175cd3',
  encode: '#175cd3',
  scale: '#175cd3',
  rename_columns: '#175cd3',
  feature_engineer: '#6941c6',
  train_model: '#067647',
};

export function actionStyle(type: string): { color: string; label: string } {
  return isActionType(type)
    ? { color: COLORS[type], label: ACTION_LABELS[type] }
    : { color: '#344054', label: type.replace(/_/g, ' ') };
}

/** An action's colour as text: as is on the light theme, lightened on the dark one so it stays readable (AA). */
export const ink = (color: string) => (theme: { palette: { mode: string } }) =>
  theme.palette.mode === 'dark' ? `color-mix(in srgb, ${color} 40%, white)` : color;

export const describe = (type: ActionType) => ACTION_DESCRIPTIONS[type];

export const isActionType = (value: unknown): value is ActionType =>
  typeof value === 'string' && (ACTION_TYPES as readonly string[]).includes(value);

/** A new step of this type: required lists empty, required words blank, so the check says what to fill in. */
export function blankStep(type: ActionType): PlanStep {
  const schema = ACTION_PARAMS[type];
  const params: Record<string, unknown> = {};
  for (const name of schema.required ?? []) {
    const field = schema.properties[name];
    if (field?.type === 'array') {
      params[name] = [];
    } else if (field?.type === 'string' && !field.enum) {
      params[name] = '';
    }
  }
  return { type, params } as PlanStep;
}

/** The step's parameters in a few words: "median · Age", "classification · → Survived". */
export function details(step: PlanStep | { type: string; params: Record<string, unknown> }): string {
  const params = (step.params ?? {}) as Record<string, unknown>;
  const parts: string[] = [];
  for (const key of ['strategy', 'method', 'operation', 'to', 'task', 'model', 'target']) {
    if (typeof params[key] === 'string' && params[key] !== '') {
      parts.push(key === 'target' ? `→ ${params[key]}` : String(params[key]).replace(/_/g, ' '));
    }
  }
  const columns = params.columns;
  if (Array.isArray(columns)) {
    parts.push(columns.length === 0 ? 'all applicable columns' : columns.join(', '));
  }
  if (typeof params.new_column === 'string' && params.new_column) {
    parts.push(`as ${params.new_column}`);
  }
  const renames = params.renames;
  if (Array.isArray(renames)) {
    parts.push(renames.map((r: { from?: string; to?: string }) => `${r.from ?? '?'} → ${r.to ?? '?'}`).join(', '));
  }
  return parts.join(' · ');
}

/** The step in a few words for a chip: "Fill missing · median · Age". */
export function summary(step: PlanStep | { type: string; params: Record<string, unknown> }): string {
  const rest = details(step);
  return rest ? `${actionStyle(step.type).label} · ${rest}` : actionStyle(step.type).label;
}

/** The validator's schema wording, said the way a person would. */
export function plainMessage(message: string): string {
  if (/^required property '.*' not found$/.test(message) || /^must be at least 1 characters long$/.test(message)) {
    return 'required';
  }
  const fewer = /^must have at least (\d+) items but found (\d+)$/.exec(message);
  if (fewer) {
    return fewer[1] === '1' ? 'choose at least one' : `choose at least ${fewer[1]} (now ${fewer[2]})`;
  }
  const enumeration = /^does not have a value in the enumeration \[(.*)\]$/.exec(message);
  if (enumeration) {
    return `choose one of ${enumeration[1].replace(/"/g, '')}`;
  }
  return message;
}
