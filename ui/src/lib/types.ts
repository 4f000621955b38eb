// REST shapes of docs/rest-api.md (snake_case), derived from the api's OpenAPI document: src/generated/api.ts is
// generated from openapi/assay-api.json, which the api's OpenApiDocumentIT keeps equal to /v3/api-docs. A renamed or
// retyped field in the api's records therefore fails `tsc` here. The plan and its actions come from
// src/generated/plan.ts, whose types are finer than the document's free-form PlanStep.
import type { components } from '../generated/api';
import type { Plan, PlanStep } from '../generated/plan';

type Schemas = components['schemas'];

/** The keys the document marks required: the api's @NullMarked records list every component that is always written. */
type RequiredKeys<S> = { [K in keyof S]-?: object extends Pick<S, K> ? never : K }[keyof S];

/**
 * A REST shape as the api writes it. The api leaves null fields out: the fields the document marks required, and
 * those named in `Present` (for a record not yet marked), are always written; any other may be absent (or null in a
 * test's fixture). `Own` replaces fields whose schema is weaker than what the UI relies on: nested shapes (so they
 * get these same rules), the plan's steps and free-form maps.
 */
type Shape<S, Present extends keyof S = never, Own = unknown> = Omit<
  { [K in Exclude<keyof S, Present | RequiredKeys<S>>]?: S[K] | null } & {
    [K in Present | RequiredKeys<S>]-?: Exclude<S[K], undefined>;
  },
  keyof Own
> &
  Own;

export type TaskState = NonNullable<Schemas['RunView']['status']>;
export type Severity = NonNullable<Schemas['Alert']['severity']>;

export type Alert = Shape<Schemas['Alert'], never, { suggested_action?: PlanStep | null }>;

export type VariableSummary = Shape<Schemas['VariableSummary']>;

/** `source_bytes` is absent in summaries written before it was recorded. */
export type ProfileSummary = Shape<Schemas['ProfileSummary'], never, { variables: VariableSummary[]; alerts: Alert[] }>;

/** `cells_changed_by_column`: cells this step changed, per column (for impute: the cells it invented). */
export type StepLog = Shape<
  Schemas['StepLog'],
  never,
  // The step's parameters as given: the document's map of `Record<string, never>` values says nothing usable.
  { params: Record<string, unknown> }
>;

type ConfusionMatrix = Shape<Schemas['ConfusionMatrix']>;

export type Metrics = Shape<
  Schemas['Metrics'],
  never,
  // The record's Map<String, Double> may hold a null score; the document's map says number only.
  { scores: Record<string, number | null>; confusion?: ConfusionMatrix | null }
>;

export type MeanStd = Shape<Schemas['MeanStd']>;

type FeatureNote = Shape<Schemas['FeatureNote']>;

export type ModelReport = Shape<
  Schemas['ModelReport'],
  never,
  {
    excluded: FeatureNote[];
    leakage: FeatureNote[];
    derived: FeatureNote[];
    holdout: Metrics;
    baseline: Metrics;
    cross_validation: Record<string, MeanStd>;
    importances: Shape<Schemas['FeatureImportance']>[];
    leaderboard: Shape<Schemas['LeaderboardEntry'], never, { score: MeanStd }>[];
  }
>;

export type ComparisonSide = Shape<Schemas['Side']>;

/** `alerts_hidden`: alerts gone only because their column was filled: the cells were invented, not found. */
type Comparison = Shape<
  Schemas['Comparison'],
  never,
  {
    before: ComparisonSide;
    after: ComparisonSide;
    alerts_hidden: Shape<Schemas['HiddenAlert']>[];
  }
>;

export type RunResult = Shape<
  Schemas['RunResult'],
  never,
  { plan: Plan; steps: StepLog[]; model?: ModelReport | null; comparison: Comparison; warnings: PlanWarning[] }
>;

export type RunView = Shape<
  Schemas['RunView'],
  never,
  { plan?: Plan | null; result?: RunResult | null; origin: RunOrigin }
>;

/**
 * Who started a run. For a run made outside Assay (kubectl) `tool` is the program Kubernetes recorded and `user` the
 * Kubernetes user the operator's admission webhook recorded, or null when none was. Read-only runs are shown but not
 * deleted through Assay (docs/metadata.md).
 */
export type RunOrigin = Shape<Schemas['RunOrigin']>;

export type JobStatusView = Shape<
  Schemas['JobStatusView'],
  never,
  { summary?: ProfileSummary | null; ai_result?: RunView | null; runs: RunView[] }
>;

/** `size_bytes`: the uploaded file's size; absent until profiled. */
export type JobListItem = Shape<Schemas['JobListItem']>;

export type PlanError = Shape<Schemas['PlanError']>;

/**
 * `summary`: the plan in plain words; `changes`: for a follow-up, what the answer added, changed and removed;
 * `review`: what the plan validator judges unsound in the proposed actions, each with a better way.
 */
export type PlanProposal = Shape<Schemas['PlanProposal'], never, { actions: PlanStep[]; review?: PlanWarning[] }>;

/** An earlier turn sent with a follow-up: what was asked and the plan before its answer (for "undo"). */
export type AssistantTurn = Shape<Schemas['Turn'], 'prompt', { before: PlanStep[] }>;

/** 202 of POST /upload. */
export type Accepted = Shape<Schemas['UploadAccepted']>;

/** 202 of POST /assistant/apply. */
export type RunAccepted = Shape<Schemas['RunAccepted']>;

/**
 * A step that may run but would likely damage the data or the evaluation, with a better alternative. `number`: the
 * figure the warning is about (cells a fill invents, rows a drop removes, a leaking feature's correlation).
 */
export type PlanWarning = Shape<Schemas['PlanWarning']>;

/** 200 of POST /plans/validate. `summary`: the plan in plain words, every step's columns by name. */
export type Validation = Shape<Schemas['PlanCheck'], never, { errors: PlanError[]; warnings?: PlanWarning[] }>;

/** 200 of GET /samples: a dataset packaged with Assay. */
export type Sample = Shape<Schemas['Sample']>;
