// REST shapes of docs/rest-api.md (snake_case). The plan and its actions come from src/generated/plan.ts.
import type { Plan, PlanStep } from '../generated/plan';

export type TaskState = 'queued' | 'running' | 'done' | 'failed';
export type Severity = 'critical' | 'warning' | 'info';

export interface Alert {
  type: string;
  severity: Severity;
  column?: string | null;
  message: string;
  suggested_action?: PlanStep | null;
}

export interface VariableSummary {
  name: string;
  type: string;
  storage: string;
  missing: number;
  distinct: number;
}

export interface ProfileSummary {
  rows: number;
  columns: number;
  missing_cells: number;
  missing_share: number;
  duplicate_rows_dropped: number;
  types: Record<string, number>;
  variables: VariableSummary[];
  alerts: Alert[];
  /** The uploaded file's size; null in summaries written before it was recorded. */
  source_bytes?: number | null;
  /** Profiled in streaming mode (a file above the streaming threshold): some figures are estimates, and no plan
   * can be applied to it. Absent in summaries written before streaming existed. */
  streamed?: boolean;
}

export interface StepLog {
  index: number;
  type: string;
  params: Record<string, unknown>;
  rows_before: number;
  rows_after: number;
  columns_before: number;
  columns_after: number;
  cells_changed: number;
  missing_before: number;
  missing_after: number;
  columns_added: string[];
  columns_removed: string[];
  warnings: string[];
  millis: number;
  /** Cells this step changed, per column (for impute: the cells it invented). */
  cells_changed_by_column?: Record<string, number>;
}

export interface Metrics {
  scores: Record<string, number | null>;
  confusion?: { labels: string[]; counts: number[][] } | null;
}

export interface MeanStd {
  mean: number;
  std: number;
}

export interface ModelReport {
  task: 'classification' | 'regression';
  algorithm: string;
  target: string;
  features: string[];
  excluded: { column: string; reason: string }[];
  leakage: { column: string; reason: string }[];
  train_rows: number;
  test_rows: number;
  seed?: number;
  folds?: number;
  primary_metric: string;
  holdout: Metrics;
  cross_validation: Record<string, MeanStd>;
  baseline: Metrics;
  importances: { feature: string; importance: number }[];
  leaderboard: { algorithm: string; score: MeanStd; millis: number }[];
  warnings: string[];
  train_millis: number;
  derived?: { column: string; reason: string }[];
}

export interface ComparisonSide {
  rows: number;
  columns: number;
  missing_cells: number;
  alerts: number;
}

export interface RunResult {
  plan: Plan;
  steps: StepLog[];
  model?: ModelReport | null;
  comparison: {
    before: ComparisonSide; after: ComparisonSide; alerts_cleared: string[]; alerts_added: string[];
    /** Alerts gone only because their column was filled: the cells were invented, not found. */
    alerts_hidden?: { column: string; message: string; cells_invented: number }[];
  };
  artifacts: string[];
  millis: number;
  warnings?: PlanWarning[];
}

export interface RunView {
  run_id: string;
  job_id: string;
  run_name: string;
  status: TaskState;
  progress: number;
  stage: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  report_url: string | null;
  cleaned_csv_url: string | null;
  profile_url?: string | null;
  metrics_url: string | null;
  model_url: string | null;
  plan_url?: string | null;
  plan: Plan | null;
  actions_applied: number;
  result: RunResult | null;
  origin: RunOrigin;
}

/**
 * Who started a run. `user` is null for a run made outside Assay (kubectl): Kubernetes records the program
 * (`tool`), not the person. Read-only runs are shown but not deleted through Assay (docs/metadata.md).
 */
export interface RunOrigin {
  via: 'api' | 'legacy' | 'kubernetes' | 'unknown';
  user: string | null;
  tool: string | null;
  read_only: boolean;
}

export interface JobStatusView {
  job_id: string;
  file_name: string;
  status: TaskState;
  progress: number;
  stage: string;
  error: string | null;
  created_at: string;
  updated_at: string;
  source_url?: string | null;
  report_url: string | null;
  cleaned_csv_url: string | null;
  profile_url: string | null;
  summary: ProfileSummary | null;
  ai_result: RunView | null;
  runs: RunView[];
}

export interface JobListItem {
  job_id: string;
  file_name: string;
  status: TaskState;
  progress: number;
  stage: string;
  error: string | null;
  created_at: string;
  updated_at?: string;
  rows: number | null;
  columns: number | null;
  /** The uploaded file's size; null until profiled. */
  size_bytes?: number | null;
  status_url?: string;
}

export interface PlanError {
  action_index?: number | null;
  action: string;
  field: string;
  message: string;
}

export interface PlanProposal {
  explanation: string;
  actions: PlanStep[];
  planner: string;
  warnings: string[];
  context_url: string;
  sample_rows_sent: number;
  /** The plan in plain words: the model's target and features, the columns each step changes. */
  summary?: string[];
  /** For a follow-up: what the answer added, changed and removed in the current plan. */
  changes?: string[];
  /** What the plan validator judges unsound in the proposed actions, each with a better way. */
  review?: PlanWarning[];
}

/** An earlier turn sent with a follow-up: what was asked and the plan before its answer (for "undo"). */
export interface AssistantTurn {
  prompt: string;
  before: PlanStep[];
}

/** 202 of POST /upload. */
export interface Accepted {
  job_id: string;
  file_name?: string;
  status_url: string;
}

/** 202 of POST /assistant/apply. */
export interface RunAccepted {
  run_id: string;
  job_id: string;
  run_name: string;
  status_url: string;
  run_url: string;
}

/** A step that may run but would likely damage the data or the evaluation, with a better alternative. */
export interface PlanWarning {
  action_index: number;
  action: string;
  column: string;
  severity: 'critical' | 'warning' | 'info';
  code: string;
  /** The figure the warning is about: cells a fill invents, rows a drop removes, a leaking feature's correlation. */
  number?: number;
  message: string;
  alternative: string;
}

/** 200 of POST /plans/validate. */
export interface Validation {
  valid: boolean;
  errors: PlanError[];
  warnings?: PlanWarning[];
  /** The plan in plain words: the model's target and features, every step's columns by name. */
  summary?: string[];
}

/** 200 of GET /samples: a dataset packaged with Assay. */
export interface Sample {
  name: string;
  file_name: string;
  size_bytes: number;
}
