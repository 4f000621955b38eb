import { vi } from 'vitest';
import type { JobListItem, JobStatusView, ModelReport, ProfileSummary, RunView } from '../lib/types';

type Answer =
  { status?: number; json?: unknown; text?: string; headers?: Record<string, string> } | 'network-error' | 'hang';
type Route = (body: unknown, call: number) => Answer;

/**
 * Answers fetch calls by "METHOD path" (path without query) the way the api would, and records the requests.
 * An unknown route is a 404 problem, as the api answers. 'network-error' fails like an unreachable server;
 * 'hang' never answers (until the request's signal gives up).
 */
export function mockApi(routes: Record<string, Route>) {
  const calls: { method: string; path: string; body: unknown }[] = [];
  const counts = new Map<string, number>();
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const body = init?.body ? JSON.parse(String(init.body)) : undefined;
    const key = `${method} ${url.pathname}`;
    calls.push({ method, path: url.pathname, body });
    const n = counts.get(key) ?? 0;
    counts.set(key, n + 1);
    const route = routes[key];
    const answer: Answer = route
      ? route(body, n)
      : { status: 404, json: { title: 'Not found', status: 404, detail: `no route ${key}` } };
    if (answer === 'network-error') {
      throw new TypeError('Failed to fetch');
    }
    if (answer === 'hang') {
      return new Promise<Response>((_, reject) => {
        init?.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      });
    }
    const status = answer.status ?? 200;
    const text = answer.text ?? JSON.stringify(answer.json);
    return new Response(status === 204 ? null : text, {
      status,
      headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json', ...answer.headers },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return calls;
}

export const summary: ProfileSummary = {
  rows: 891,
  columns: 12,
  missing_cells: 866,
  missing_share: 0.081,
  duplicate_rows_dropped: 0,
  streamed: false,
  types: { identifier: 1, categorical: 4, boolean: 1, numeric: 5, text: 1 },
  variables: [
    { name: 'PassengerId', type: 'identifier', storage: 'integer', missing: 0, distinct: 891 },
    { name: 'Survived', type: 'boolean', storage: 'integer', missing: 0, distinct: 2 },
    { name: 'Name', type: 'text', storage: 'string', missing: 0, distinct: 891 },
    { name: 'Age', type: 'numeric', storage: 'decimal', missing: 177, distinct: 88 },
    { name: 'Fare', type: 'numeric', storage: 'decimal', missing: 0, distinct: 248 },
  ],
  alerts: [
    {
      type: 'zeros',
      severity: 'info',
      column: 'SibSp',
      message: 'SibSp is zero in 68 % of the rows',
      suggested_action: null,
    },
    {
      type: 'missing',
      severity: 'warning',
      column: 'Age',
      message: 'Age is missing in 177 rows (20 %)',
      suggested_action: { type: 'impute', params: { strategy: 'median', columns: ['Age'] } },
    },
    {
      type: 'unique',
      severity: 'warning',
      column: 'PassengerId',
      message:
        'PassengerId has a different value in every row (891): it looks like an identifier, which a model would only memorise',
      suggested_action: { type: 'drop_columns', params: { columns: ['PassengerId'] } },
    },
  ],
};

export function job(overrides: Partial<JobStatusView> = {}): JobStatusView {
  return {
    job_id: 'j-1',
    file_name: 'titanic.csv',
    status: 'done',
    progress: 100,
    stage: 'done',
    error: null,
    created_at: new Date(Date.now() - 60_000).toISOString(),
    updated_at: new Date().toISOString(),
    source_url: '/api/v1/artifacts/j-1/source.csv',
    report_url: '/api/v1/artifacts/j-1/report.html',
    cleaned_csv_url: '/api/v1/artifacts/j-1/cleaned.csv',
    profile_url: '/api/v1/artifacts/j-1/profile.json',
    summary,
    ai_result: null,
    runs: [],
    ...overrides,
  };
}

export function listItem(overrides: Partial<JobListItem> = {}): JobListItem {
  return {
    job_id: 'j-1',
    file_name: 'titanic.csv',
    status: 'done',
    progress: 100,
    stage: 'done',
    error: null,
    created_at: new Date(Date.now() - 5 * 60_000).toISOString(),
    updated_at: new Date().toISOString(),
    rows: 891,
    columns: 12,
    status_url: '/api/v1/jobs/j-1/status',
    ...overrides,
  };
}

export const classifier: ModelReport = {
  task: 'classification',
  algorithm: 'random_forest',
  target: 'Survived',
  features: ['Age', 'Sex', 'Fare'],
  excluded: [{ column: 'PassengerId', reason: 'identifier-like' }],
  leakage: [],
  train_rows: 713,
  test_rows: 178,
  seed: 42,
  folds: 5,
  primary_metric: 'accuracy',
  holdout: {
    scores: { accuracy: 0.837, roc_auc: 0.858, log_loss: 0.443 },
    confusion: {
      labels: ['0', '1'],
      counts: [
        [100, 10],
        [19, 49],
      ],
    },
  },
  cross_validation: { accuracy: { mean: 0.829, std: 0.05 } },
  baseline: { scores: { accuracy: 0.618, roc_auc: 0.5, log_loss: 0.665 } },
  importances: [
    { feature: 'Age', importance: 0.36 },
    { feature: 'Sex', importance: 0.2 },
  ],
  leaderboard: [],
  warnings: ['Left out of the model: PassengerId (identifier-like)'],
  train_millis: 1800,
  derived: [],
};

export const regressor: ModelReport = {
  task: 'regression',
  algorithm: 'gradient_boosting',
  target: 'tip',
  features: ['total_bill', 'size'],
  excluded: [],
  leakage: [],
  train_rows: 195,
  test_rows: 49,
  seed: 42,
  folds: 5,
  primary_metric: 'r2',
  holdout: { scores: { r2: 0.41, rmse: 1.02, mae: 0.76 }, confusion: null },
  cross_validation: { r2: { mean: 0.38, std: 0.09 } },
  baseline: { scores: { r2: -0.01, rmse: 1.38, mae: 1.05 } },
  importances: [
    { feature: 'total_bill', importance: 0.7 },
    { feature: 'size', importance: 0.3 },
  ],
  leaderboard: [
    { algorithm: 'gradient_boosting', score: { mean: 0.38, std: 0.09 }, millis: 900 },
    { algorithm: 'linear_regression', score: { mean: 0.36, std: 0.1 }, millis: 20 },
  ],
  warnings: [],
  train_millis: 1200,
  derived: [],
};

export function doneRun(overrides: Partial<RunView> = {}): RunView {
  const plan = {
    explanation: 'Fill missing values, then train.',
    actions: [
      { type: 'impute' as const, params: { strategy: 'median' as const, columns: [] } },
      { type: 'train_model' as const, params: { task: 'classification' as const, target: 'Survived' } },
    ],
  };
  return {
    run_id: 'r-1',
    job_id: 'j-1',
    run_name: 'impute, train model',
    status: 'done',
    progress: 100,
    stage: 'done',
    error: null,
    created_at: new Date(Date.now() - 30_000).toISOString(),
    updated_at: new Date().toISOString(),
    report_url: '/api/v1/artifacts/j-1/runs/r-1/report.html',
    cleaned_csv_url: '/api/v1/artifacts/j-1/runs/r-1/cleaned.csv',
    metrics_url: '/api/v1/artifacts/j-1/runs/r-1/metrics.json',
    model_url: '/api/v1/artifacts/j-1/runs/r-1/model.bin',
    plan_url: '/api/v1/artifacts/j-1/runs/r-1/plan.json',
    plan,
    actions_applied: 2,
    origin: { via: 'api', user: 'alice', tool: null, read_only: false },
    result: {
      plan,
      steps: [
        {
          index: 0,
          type: 'impute',
          params: { strategy: 'median', columns: ['Age'], filled_with: { Age: 28 } },
          rows_before: 891,
          rows_after: 891,
          columns_before: 12,
          columns_after: 12,
          cells_changed: 177,
          missing_before: 866,
          missing_after: 689,
          columns_added: [],
          columns_removed: [],
          warnings: [],
          millis: 20,
          cells_changed_by_column: { Age: 177 },
        },
        {
          index: 1,
          type: 'train_model',
          params: { task: 'classification', target: 'Survived' },
          rows_before: 891,
          rows_after: 891,
          columns_before: 12,
          columns_after: 12,
          cells_changed: 0,
          missing_before: 689,
          missing_after: 689,
          columns_added: [],
          columns_removed: [],
          warnings: ['Cabin has many categories'],
          millis: 1800,
          cells_changed_by_column: {},
        },
      ],
      model: classifier,
      comparison: {
        before: { rows: 891, columns: 12, missing_cells: 866, alerts: 12 },
        after: { rows: 891, columns: 12, missing_cells: 689, alerts: 11 },
        alerts_cleared: ['Age is missing in 177 rows (20 %)'],
        alerts_added: [],
        alerts_hidden: [],
      },
      artifacts: ['cleaned.csv', 'report.html'],
      millis: 1900,
      warnings: [],
    },
    ...overrides,
  };
}
