import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate, planKey } from '../common/navigation';
import { doneRun, job, mockApi } from '../test/fixtures';
import { renderWithQueries } from '../test/render';
import { RunPage } from './RunPage';
import { watchSaves } from '../test/saves';

const STATUS = 'GET /api/v1/jobs/j-1/status';

describe('RunPage', () => {
  beforeEach(() => sessionStorage.clear());

  it('follows the run and, arrived from Apply, puts focus on the results heading', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockApi({
      [STATUS]: (_, n) => ({
        json:
          n < 2
            ? job({ runs: [doneRun({ status: 'running', progress: 50, stage: 'training', result: null })] })
            : job({ runs: [doneRun()] }),
      }),
    });
    navigate('/jobs/j-1/runs/r-1'); // as the dataset's page does after Apply
    renderWithQueries(<RunPage jobId="j-1" runId="r-1" />);

    const heading = await screen.findByRole('heading', { level: 1, name: 'Results of “impute, train model”' });
    expect(heading).toHaveFocus();
    expect(await screen.findByText('training · 50 %')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(4000));
    expect(await screen.findByTestId('results')).toHaveTextContent('Done: 2 actions applied');
    expect(screen.getByLabelText('Model score')).toHaveTextContent('Accuracy 0.837');
    expect(document.title).toBe('impute, train model · titanic.csv · Assay');
    vi.useRealTimers();
  });

  it('waits for a run just accepted to appear, then says plainly when there is no such run', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockApi({ [STATUS]: () => ({ json: job({ runs: [] }) }) });
    renderWithQueries(<RunPage jobId="j-1" runId="r-9" />);

    expect(await screen.findByText('Starting the run…')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(12_000));
    expect(await screen.findByRole('heading', { name: 'This run was not found' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Back to titanic.csv' })).toHaveAttribute('href', '/jobs/j-1');
    vi.useRealTimers();
  });

  it("takes the run's plan back to the dataset's page", async () => {
    mockApi({ [STATUS]: () => ({ json: job({ runs: [doneRun()] }) }) });
    const user = userEvent.setup();
    renderWithQueries(<RunPage jobId="j-1" runId="r-1" />);

    await user.click(await screen.findByRole('button', { name: 'Reuse this plan' }));

    expect(window.location.pathname).toBe('/jobs/j-1');
    expect(JSON.parse(sessionStorage.getItem(planKey('j-1'))!).actions).toEqual(doneRun().plan!.actions);
  });

  it("exports a finished run's plan as a manifest, under the name the api gives it", async () => {
    const yaml = 'apiVersion: "assay.dev/v1alpha1"\nkind: "AssistantRun"\nspec:\n  datasetRef: "j-1"\n';
    const calls = mockApi({
      [STATUS]: () => ({ json: job({ runs: [doneRun()] }) }),
      'GET /api/v1/jobs/j-1/runs/r-1/manifest': () => ({
        text: yaml,
        headers: {
          'Content-Type': 'application/yaml',
          'Content-Disposition': 'attachment; filename="titanic-r-2.yaml"',
        },
      }),
    });
    const { saved, restore } = watchSaves();
    try {
      renderWithQueries(<RunPage jobId="j-1" runId="r-1" />);

      await userEvent.click(await screen.findByRole('button', { name: /^Export as manifest/ }));

      await vi.waitFor(() => expect(saved).toHaveLength(1));
      expect(saved[0].name).toBe('titanic-r-2.yaml');
      expect(await saved[0].blob.text()).toBe(yaml);
      expect(calls.map((c) => `${c.method} ${c.path}`)).toContain('GET /api/v1/jobs/j-1/runs/r-1/manifest');
    } finally {
      restore();
    }
  });

  it('offers no manifest while the run is still going', async () => {
    mockApi({
      [STATUS]: () => ({ json: job({ runs: [doneRun({ status: 'running', progress: 40, result: null })] }) }),
    });
    renderWithQueries(<RunPage jobId="j-1" runId="r-1" />);

    expect(await screen.findByRole('button', { name: 'Reuse this plan' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Export as manifest/ })).not.toBeInTheDocument();
  });
});
