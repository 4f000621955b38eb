import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { doneRun, regressor } from '../test/fixtures';
import { ResultsPanel } from './ResultsPanel';

describe('ResultsPanel', () => {
  it('shows the green box: actions applied, downloads, the score beside its baseline, the confusion matrix and importances', () => {
    render(<ResultsPanel run={doneRun()} />);

    const box = screen.getByRole('region', { name: 'Results' });
    expect(within(box).getByRole('heading', { level: 2 })).toHaveTextContent('Done: 2 actions applied in 1.9 s');
    expect(screen.getByLabelText('Model score')).toHaveTextContent('Accuracy 0.837');
    expect(screen.getByLabelText('Baseline score')).toHaveTextContent('0.618');
    expect(screen.getByText('0.219 better than the baseline')).toBeInTheDocument();
    expect(screen.getByText(/Cross-validated 0.829 ± 0.050 over 5 folds/)).toBeInTheDocument();
    const confusion = screen.getByRole('table', { name: 'Confusion matrix' });
    expect(
      within(confusion)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['actual ↓ predicted →01', '010010', '11949']);
    expect(screen.getByRole('img', { name: 'Feature importances: Age 36.0 %, Sex 20.0 %' })).toBeInTheDocument();
    expect(within(screen.getByRole('table', { name: 'Model metrics' })).getByText('Log loss')).toBeInTheDocument();
    expect(screen.getByText('(lower is better)')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Processed CSV' })).toHaveAttribute(
      'href',
      '/api/v1/artifacts/j-1/runs/r-1/cleaned.csv',
    );
    expect(screen.getByRole('link', { name: 'New report (opens a new tab)' })).toHaveAttribute(
      'href',
      '/api/v1/artifacts/j-1/runs/r-1/report.html',
    );
    expect(screen.getByRole('link', { name: 'Model' })).toHaveAttribute(
      'href',
      '/api/v1/artifacts/j-1/runs/r-1/model.bin',
    );
    expect(screen.getByRole('list', { name: 'Notes on the model' })).toHaveTextContent(
      'Left out of the model: PassengerId',
    );
  });

  it('logs each step: what it changed and what it did', () => {
    render(<ResultsPanel run={doneRun()} />);

    const log = within(screen.getByRole('list', { name: 'Step log' })).getAllByRole('listitem');
    expect(log[0]).toHaveTextContent('1. Fill missing');
    expect(log[0]).toHaveTextContent('missing 866 → 689 · 177 cells changed');
    expect(log[0]).toHaveTextContent('filled withAge: 28');
    expect(log[1]).toHaveTextContent('no change to the data');
    expect(within(log[1]).getByRole('alert')).toHaveTextContent('Cabin has many categories');
  });

  it('compares before and after, and lists the alerts the run cleared', () => {
    render(<ResultsPanel run={doneRun()} />);

    const table = screen.getByRole('table', { name: 'Before and after' });
    expect(
      within(table)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual(['BeforeAfter', 'Rows891891', 'Columns1212', 'Missing cells866689', 'Alerts1211']);
    expect(screen.getByText('Age is missing in 177 rows (20 %)')).toBeInTheDocument();
  });

  it('says an alert gone because its column was filled was hidden, not cleared, and shows the plan warnings', () => {
    const run = doneRun();
    const result = run.result!;
    render(
      <ResultsPanel
        run={{
          ...run,
          result: {
            ...result,
            comparison: {
              ...result.comparison,
              alerts_cleared: [],
              alerts_hidden: [
                {
                  column: 'Cabin',
                  message: 'Cabin is missing in 687 rows (77 %); too sparse to fill well',
                  cells_invented: 687,
                },
              ],
            },
            steps: [{ ...result.steps[0], cells_changed_by_column: { Age: 177, Cabin: 687 } }, result.steps[1]],
            warnings: [
              {
                action_index: 0,
                action: 'impute',
                column: 'Cabin',
                severity: 'warning',
                code: 'fills_sparse_column',
                message: "fills 687 of 891 cells of 'Cabin' (77 % missing)",
                alternative: 'drop it (drop_columns)',
              },
            ],
          },
        }}
      />,
    );

    expect(screen.getByText('Hidden by filling (1)')).toBeInTheDocument();
    expect(
      screen.getByText(/hidden by filling \(687 cells invented\): Cabin is missing in 687 rows/),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Cleared/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Cells changed per column')).toHaveTextContent('Age 177 · Cabin 687');
    expect(screen.getByTestId('plan-warning')).toHaveTextContent('Step 1 (Fill missing) · Cabin');
  });

  it('shows error figures for a regression, and the models it compared', () => {
    const run = doneRun();
    render(<ResultsPanel run={{ ...run, result: { ...run.result!, model: regressor } }} />);

    expect(screen.getByLabelText('Model score')).toHaveTextContent('R² 0.410');
    expect(screen.getByText('0.420 better than the baseline')).toBeInTheDocument();
    const metrics = screen.getByRole('table', { name: 'Model metrics' });
    expect(within(metrics).getByRole('columnheader', { name: 'Error figure' })).toBeInTheDocument();
    expect(
      within(metrics)
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'Error figureHeld outBaselineCross-validation',
      'R²0.410-0.0100.380 ± 0.090',
      'RMSE (lower is better)1.021.38–',
      'MAE (lower is better)0.7601.05–',
    ]);
    expect(screen.queryByRole('table', { name: 'Confusion matrix' })).not.toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Models compared' })).getByText('gradient boosting (chosen)'),
    ).toBeInTheDocument();
  });

  it('formats a regression on prices for people: millions shortened, a near-zero baseline as 0.000, bars full width', () => {
    const run = doneRun();
    const prices = {
      ...regressor,
      target: 'price',
      primary_metric: 'r2',
      holdout: { scores: { r2: 0.61234, rmse: 40001896.5, mae: 12345.67 }, confusion: null },
      cross_validation: { r2: { mean: 0.5987, std: 0.04321 }, rmse: { mean: 41234567.8, std: 2345678.9 } },
      baseline: { scores: { r2: -0.00000714, rmse: 64012345.6, mae: 31234.5 } },
    };
    render(<ResultsPanel run={{ ...run, result: { ...run.result!, model: prices } }} />);

    expect(screen.getByLabelText('Model score')).toHaveTextContent('R² 0.612');
    expect(screen.getByLabelText('Baseline score')).toHaveTextContent(/^0\.000$/);
    expect(screen.getByText('0.612 better than the baseline')).toBeInTheDocument();
    expect(screen.getByText(/Cross-validated 0.599 ± 0.043 over 5 folds/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('table', { name: 'Model metrics' }))
        .getAllByRole('row')
        .map((r) => r.textContent),
    ).toEqual([
      'Error figureHeld outBaselineCross-validation',
      'R²0.6120.0000.599 ± 0.043',
      'RMSE (lower is better)40.0 M64.0 M41.2 M ± 2.3 M',
      'MAE (lower is better)12,34631,235–',
    ]);
    // Without a confusion matrix beside them the importances are not put in a grid's 'auto' column that squeezes them.
    const importances = screen.getByRole('img', { name: /^Feature importances/ });
    expect(getComputedStyle(importances.parentElement!).display).not.toBe('grid');
  });

  it('puts the importances beside the confusion matrix of a classification', () => {
    render(<ResultsPanel run={doneRun()} />);

    const importances = screen.getByRole('img', { name: /^Feature importances/ });
    expect(getComputedStyle(importances.parentElement!).display).toBe('grid');
    expect(importances.parentElement).toContainElement(screen.getByRole('table', { name: 'Confusion matrix' }));
  });

  it('says plainly when the model is no better than the baseline', () => {
    const run = doneRun();
    const weak = { ...run.result!.model!, holdout: { scores: { accuracy: 0.6 }, confusion: null } };
    render(<ResultsPanel run={{ ...run, result: { ...run.result!, model: weak } }} />);

    expect(screen.getByText('no better than the baseline')).toBeInTheDocument();
  });

  it('shows the stage and progress while the run works', () => {
    render(
      <ResultsPanel
        run={doneRun({ status: 'running', progress: 55, stage: 'training random_forest (fold 3/5)', result: null })}
      />,
    );

    expect(screen.getByText('training random_forest (fold 3/5) · 55 %')).toBeInTheDocument();
    expect(screen.getByRole('progressbar', { name: 'Run progress' })).toHaveAttribute('aria-valuenow', '55');
    expect(screen.queryByTestId('results')).not.toBeInTheDocument();
  });

  it('says when a run has been quiet for a long time instead of spinning silently', () => {
    render(
      <ResultsPanel
        run={doneRun({
          status: 'running',
          progress: 10,
          stage: 'reading',
          result: null,
          updated_at: new Date(Date.now() - 7 * 60_000).toISOString(),
        })}
      />,
    );

    expect(screen.getByText(/This run has reported no progress for 7 minutes/)).toBeInTheDocument();
  });

  it('says why a run failed and that nothing else changed', () => {
    render(
      <ResultsPanel
        run={doneRun({
          status: 'failed',
          error: "titanic.csv, line 12, column 'Age': 'abc' is not a number",
          result: null,
        })}
      />,
    );

    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent("line 12, column 'Age': 'abc' is not a number");
    expect(alert).toHaveTextContent('Nothing was changed: the dataset, its profile and earlier runs are as they were.');
  });
});
