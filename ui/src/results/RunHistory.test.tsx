import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderWithQueries } from '../test/render';
import { doneRun } from '../test/fixtures';
import { RunHistory } from './RunHistory';

describe('RunHistory', () => {
  it('says who applied each run; a run created with kubectl is read-only and names the program that made it', () => {
    const mine = doneRun();
    const byHand = doneRun({
      run_id: 'by-hand',
      run_name: 'by hand',
      origin: { via: 'kubernetes', user: null, tool: 'kubectl-client-side-apply', read_only: true },
    });
    renderWithQueries(<RunHistory jobId="j-1" runs={[byHand, mine]} onReuse={() => {}} />);

    const rows = within(screen.getByRole('table', { name: 'Run history' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent(
      'Created outside Assay with kubectl-client-side-apply; creator not recorded. Read-only here',
    );
    expect(within(rows[1]).queryByRole('button', { name: /^Delete run/ })).toBeNull();
    expect(within(rows[1]).getByRole('link', { name: 'Results of by hand' })).toBeInTheDocument();
    expect(rows[2]).toHaveTextContent('Applied by alice');
    expect(within(rows[2]).getByRole('button', { name: 'Delete run impute, train model' })).toBeEnabled();
  });

  it('names the Kubernetes user the admission webhook recorded as the creator of a kubectl-made run', () => {
    const byBob = doneRun({
      run_id: 'by-bob',
      run_name: 'by bob',
      origin: { via: 'kubernetes', user: 'bob', tool: 'kubectl-create', read_only: true },
    });
    renderWithQueries(<RunHistory jobId="j-1" runs={[byBob]} onReuse={() => {}} />);

    const rows = within(screen.getByRole('table', { name: 'Run history' })).getAllByRole('row');
    expect(rows[1]).toHaveTextContent('Created outside Assay with kubectl-create by Kubernetes user bob.');
    expect(rows[1]).not.toHaveTextContent('not recorded');
    expect(within(rows[1]).queryByRole('button', { name: /^Delete run/ })).toBeNull();
  });
});
