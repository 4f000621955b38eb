import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { navigate, planKey } from '../common/navigation';
import { doneRun, job, mockApi } from '../test/fixtures';
import { renderWithQueries } from '../test/render';
import { RunPage } from './RunPage';

const STATUS = 'GET /api/v1/jobs/j-1/status';

describe('RunPage', () => {
  beforeEach(() => sessionStorage.clear());

  it('follows the run and, arrived from Apply, puts focus on the results heading', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    mockApi({ [STATUS]: (_, n) => ({ json: n < 2
      ? job({ runs: [doneRun({ status: 'running', progress: 50, stage: 'training', result: null })] })
      : job({ runs: [doneRun()] }) }) });
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

  it('takes the run\'s plan back to the dataset\'s page', async () => {
    mockApi({ [STATUS]: () => ({ json: job({ runs: [doneRun()] }) }) });
    const user = userEvent.setup();
    renderWithQueries(<RunPage jobId="j-1" runId="r-1" />);

    await user.click(await screen.findByRole('button', { name: 'Reuse this plan' }));

    expect(window.location.pathname).toBe('/jobs/j-1');
    expect(JSON.parse(sessionStorage.getItem(planKey('j-1'))!).actions).toEqual(doneRun().plan!.actions);
  });
});
