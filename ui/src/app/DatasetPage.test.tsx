import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { doneRun, job, mockApi } from '../test/fixtures';
import { renderWithQueries } from '../test/render';
import { DatasetPage as JobPage } from './DatasetPage';

const STATUS = 'GET /api/v1/jobs/j-1/status';
const VALID = { 'POST /api/v1/plans/validate': () => ({ json: { valid: true, errors: [] } }) };

describe('JobPage', () => {
  beforeEach(() => sessionStorage.clear());

  it('shows progress and stage while the file is being profiled', async () => {
    mockApi({
      [STATUS]: () => ({ json: job({ status: 'running', progress: 40, stage: 'profiling columns', summary: null }) }),
    });

    renderWithQueries(<JobPage jobId="j-1" />);

    expect(await screen.findByText('Profiling: profiling columns (40 %)')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Profiling progress' })).toHaveAttribute('aria-valuenow', '40');
  });

  it('polls every 2 s while profiling and stops once the profile is done', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    const calls = mockApi({
      [STATUS]: (_, n) => ({
        json:
          n < 2
            ? job({ status: 'running', progress: 30 * (n + 1), stage: 'profiling', summary: null, report_url: null })
            : job(),
      }),
    });
    renderWithQueries(<JobPage jobId="j-1" />);
    const polls = () => calls.filter((c) => c.path === '/api/v1/jobs/j-1/status').length;

    expect(await screen.findByText('Profiling: profiling (30 %)')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByText('Profiling: profiling (60 %)')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(await screen.findByLabelText('Rows')).toHaveTextContent('891');
    const afterDone = polls();
    await act(() => vi.advanceTimersByTimeAsync(20_000));
    expect(polls()).toBe(afterDone);
  });

  it('keeps the page and keeps trying when a poll fails while work is in progress', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockApi({
      [STATUS]: (_, n) =>
        n === 0
          ? { json: job({ status: 'running', progress: 30, stage: 'profiling', summary: null }) }
          : n < 4
            ? 'network-error'
            : { json: job() },
    });
    renderWithQueries(<JobPage jobId="j-1" />);

    expect(await screen.findByText('Profiling: profiling (30 %)')).toBeInTheDocument();
    // The next poll fails, and so do its two quick retries.
    await act(() => vi.advanceTimersByTimeAsync(2000 + 1000 + 2000));
    expect(await screen.findByText('Lost contact with Assay')).toBeInTheDocument();
    expect(screen.getByText('Profiling: profiling (30 %)')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(5000));
    expect(await screen.findByLabelText('Rows')).toHaveTextContent('891');
    expect(screen.queryByText('Lost contact with Assay')).not.toBeInTheDocument();
  });

  it('says so when profiling has been quiet for minutes', async () => {
    mockApi({
      [STATUS]: () => ({
        json: job({
          status: 'queued',
          progress: 0,
          stage: 'queued',
          summary: null,
          updated_at: new Date(Date.now() - 3 * 60_000).toISOString(),
        }),
      }),
    });

    renderWithQueries(<JobPage jobId="j-1" />);

    expect(await screen.findByText('Waiting for a free worker to profile this file…')).toBeInTheDocument();
    expect(screen.getByText(/Profiling has reported no progress for 3 minutes/)).toBeInTheDocument();
  });

  it('says why a file could not be profiled', async () => {
    mockApi({
      [STATUS]: () => ({
        json: job({
          status: 'failed',
          summary: null,
          report_url: null,
          error: 'titanic.csv, line 3: has 2 fields but the header has 12',
        }),
      }),
    });

    renderWithQueries(<JobPage jobId="j-1" />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('This file could not be profiled');
    expect(alert).toHaveTextContent('line 3: has 2 fields but the header has 12');
    expect(within(alert).getByRole('link', { name: 'Upload another file' })).toHaveAttribute('href', '/');
  });

  it('says plainly when the dataset does not exist', async () => {
    mockApi({ [STATUS]: () => ({ status: 404, json: { title: 'Not found', status: 404, detail: "no job 'j-1'" } }) });

    renderWithQueries(<JobPage jobId="j-1" />);

    expect(await screen.findByRole('alert')).toHaveTextContent('This dataset was not found');
    expect(screen.getByText(/It may have been removed or expired/)).toBeInTheDocument();
  });

  it('shows the key numbers, the report as a link to its own tab (no frame repeating the alerts) and the downloads', async () => {
    mockApi({ [STATUS]: () => ({ json: job() }) });

    renderWithQueries(<JobPage jobId="j-1" />);

    expect(await screen.findByLabelText('Rows')).toHaveTextContent('891');
    expect(screen.getByLabelText('Columns')).toHaveTextContent('12');
    expect(screen.getByLabelText('Missing cells')).toHaveTextContent('866 (8.1 %)');
    expect(screen.getByLabelText('Alerts')).toHaveTextContent('3');
    const report = screen.getByRole('link', { name: 'Profile report (opens a new tab)' });
    expect(report).toHaveAttribute('href', '/api/v1/artifacts/j-1/report.html');
    expect(report).toHaveAttribute('target', '_blank');
    expect(document.querySelector('iframe')).toBeNull();
    expect(screen.getAllByRole('link', { name: 'Cleaned CSV' })[0]).toHaveAttribute(
      'href',
      '/api/v1/artifacts/j-1/cleaned.csv',
    );
    expect(document.title).toBe('titanic.csv · Assay');
  });

  it("adds an alert's suggested action to the plan in one click and has the server check it", async () => {
    const calls = mockApi({ [STATUS]: () => ({ json: job() }), ...VALID });
    const user = userEvent.setup();
    renderWithQueries(<JobPage jobId="j-1" />);

    await user.click(await screen.findByRole('button', { name: 'Add to plan: Fill missing · median · Age' }));

    const plan = screen.getByRole('list', { name: 'Planned actions' });
    expect(within(plan).getByText('1. Fill missing')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'In the plan: Fill missing · median · Age' })).toBeDisabled();
    expect(await screen.findByText('The plan fits this dataset.', {}, { timeout: 5000 })).toBeInTheDocument();
    expect(calls.find((c) => c.path === '/api/v1/plans/validate')?.body).toEqual({
      job_id: 'j-1',
      explanation: 'Suggested by the profile.',
      actions: [{ type: 'impute', params: { strategy: 'median', columns: ['Age'] } }],
    });
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeEnabled();
  });

  it("shows the validator's errors beside the step and field and does not apply the plan", async () => {
    mockApi({
      [STATUS]: () => ({ json: job() }),
      'POST /api/v1/plans/validate': () => ({
        json: {
          valid: false,
          errors: [
            { action_index: 0, action: 'drop_columns', field: 'columns', message: 'this would remove every column' },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    renderWithQueries(<JobPage jobId="j-1" />);

    await user.click(await screen.findByRole('button', { name: /Add to plan: Drop columns/ }));

    // The step with the problem opens, and the problem shows under the field it is about.
    await waitFor(() => expect(screen.getByLabelText('Columns (Step 1)')).toHaveAttribute('aria-invalid', 'true'), {
      timeout: 5000,
    });
    expect(screen.getByLabelText('Columns (Step 1)')).toHaveAccessibleDescription('this would remove every column');
    expect(screen.getByText(/1 problem to fix before this plan can run/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeDisabled();
  });

  it("applies the plan and opens the run's own page", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    let applied = false;
    const calls = mockApi({
      [STATUS]: (_, n) => ({
        json: !applied
          ? job()
          : n < 3
            ? job({ runs: [doneRun({ status: 'running', progress: 50, stage: 'training', result: null })] })
            : job({ runs: [doneRun()], ai_result: doneRun() }),
      }),
      ...VALID,
      'POST /api/v1/assistant': () => ({
        json: {
          explanation: 'Fill missing values, then train.',
          planner: 'built-in',
          warnings: [],
          context_url: '/c',
          sample_rows_sent: 0,
          actions: doneRun().plan!.actions,
        },
      }),
      'POST /api/v1/assistant/apply': () => {
        applied = true;
        return {
          status: 202,
          json: {
            run_id: 'r-1',
            job_id: 'j-1',
            run_name: 'impute, train model',
            status_url: '/api/v1/jobs/j-1/status',
            run_url: '/api/v1/jobs/j-1/runs/r-1',
          },
        };
      },
    });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderWithQueries(<JobPage jobId="j-1" />);

    await user.type(
      await screen.findByLabelText('What should be done with this data?'),
      'Fill missing values and train a classifier on Survived',
    );
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await screen.findByText('The plan fits this dataset.', {}, { timeout: 5000 });
    await user.click(screen.getByRole('button', { name: 'Apply these actions' }));

    expect(calls.find((c) => c.path === '/api/v1/assistant/apply')?.body).toEqual({
      job_id: 'j-1',
      explanation: 'Fill missing values, then train.',
      actions: doneRun().plan!.actions,
      run_name: 'Fill missing, Train model',
      prompt: 'Fill missing values and train a classifier on Survived',
    });
    // The results have their own page, opened at once.
    await waitFor(() => expect(window.location.pathname).toBe('/jobs/j-1/runs/r-1'), { timeout: 5000 });
  }, 40_000);

  it('shows the errors of a plan the server refuses when applying it', async () => {
    mockApi({
      [STATUS]: () => ({ json: job() }),
      ...VALID,
      'POST /api/v1/assistant/apply': () => ({
        status: 422,
        json: {
          title: 'Invalid plan',
          status: 422,
          detail: '1 problem',
          errors: [
            { action_index: 0, action: 'impute', field: 'columns', message: "column 'Age' was removed meanwhile" },
          ],
        },
      }),
    });
    const user = userEvent.setup();
    renderWithQueries(<JobPage jobId="j-1" />);
    await user.click(await screen.findByRole('button', { name: /Add to plan: Fill missing/ }));
    await screen.findByText('The plan fits this dataset.', {}, { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: 'Apply these actions' }));

    expect(await screen.findByText("column 'Age' was removed meanwhile")).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeDisabled();
  });

  it('says so in words when applying fails for another reason', async () => {
    mockApi({
      [STATUS]: () => ({ json: job() }),
      ...VALID,
      'POST /api/v1/assistant/apply': () => ({
        status: 503,
        headers: { 'Retry-After': '10' },
        json: { title: 'Assay is busy', status: 503, detail: 'Too many tasks are waiting.' },
      }),
    });
    const user = userEvent.setup();
    renderWithQueries(<JobPage jobId="j-1" />);
    await user.click(await screen.findByRole('button', { name: /Add to plan: Fill missing/ }));
    await screen.findByText('The plan fits this dataset.', {}, { timeout: 5000 });

    await user.click(screen.getByRole('button', { name: 'Apply these actions' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many tasks are waiting. Try again in 10 s.');
  });

  it('keeps the plan being written across a reload', async () => {
    mockApi({ [STATUS]: () => ({ json: job() }), ...VALID });
    const user = userEvent.setup();
    const first = renderWithQueries(<JobPage jobId="j-1" />);
    await user.click(await screen.findByRole('button', { name: /Add to plan: Fill missing/ }));
    first.unmount();

    renderWithQueries(<JobPage jobId="j-1" />);

    expect(await screen.findByRole('list', { name: 'Planned actions' })).toHaveTextContent('1. Fill missing');
  });

  it('lists the runs of the dataset, links each to its results and takes a plan up again', async () => {
    const older = doneRun({
      run_id: 'r-0',
      run_name: 'drop columns',
      status: 'failed',
      error: 'boom',
      result: null,
      plan: { explanation: '', actions: [{ type: 'drop_columns', params: { columns: ['Name'] } }] },
    });
    mockApi({ [STATUS]: () => ({ json: job({ ai_result: doneRun(), runs: [doneRun(), older] }) }), ...VALID });
    const user = userEvent.setup();
    renderWithQueries(<JobPage jobId="j-1" />);

    const history = await screen.findByRole('table', { name: 'Run history' });
    const rows = within(history).getAllByRole('row').slice(1);
    expect(rows[0]).toHaveTextContent('impute, train model');
    expect(rows[0]).toHaveTextContent('Accuracy 0.837');
    expect(rows[1]).toHaveTextContent('drop columns');
    expect(within(rows[1]).getByRole('link', { name: 'Results of drop columns' })).toHaveAttribute(
      'href',
      '/jobs/j-1/runs/r-0',
    );
    expect(screen.queryByTestId('results')).not.toBeInTheDocument();

    await user.click(within(rows[1]).getByRole('button', { name: 'Reuse plan of drop columns' }));
    await waitFor(() =>
      expect(screen.getByRole('list', { name: 'Planned actions' })).toHaveTextContent('1. Drop columnsName'),
    );
  });
});
