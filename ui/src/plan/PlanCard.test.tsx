import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Plan } from '../generated/plan';
import type { PlanError, PlanWarning } from '../lib/types';
import type { CheckState } from './PlanCard';
import { PlanCard } from './PlanCard';
import { watchSaves } from '../test/saves';

const COLUMNS = ['PassengerId', 'Survived', 'Name', 'Age', 'Fare'];

function Harness({
  initial,
  errors = [],
  check = 'valid',
  onApply = () => {},
  onPlan = () => {},
}: {
  initial: Plan;
  errors?: PlanError[];
  check?: CheckState;
  onApply?: () => void;
  onPlan?: (plan: Plan) => void;
}) {
  const [plan, setPlan] = useState(initial);
  return (
    <PlanCard
      plan={plan}
      errors={errors}
      check={check}
      checkError={null}
      columns={COLUMNS}
      onChange={(next) => {
        setPlan(next);
        onPlan(next);
      }}
      onApply={onApply}
      applying={false}
      applyError={null}
    />
  );
}

const twoSteps: Plan = {
  explanation: 'x',
  actions: [
    { type: 'impute', params: { strategy: 'median', columns: [] } },
    { type: 'train_model', params: { target: 'Survived' } },
  ],
};

const steps = () => within(screen.getByRole('list', { name: 'Planned actions' })).getAllByRole('listitem');

describe('PlanCard', () => {
  it("says the plan in plain words: the model, and every step's columns by name", () => {
    const summary = [
      'Model: predicts Survived (classification) from every other column it can learn from: Pclass, Sex, Age, Fare.',
      'Step 1 (Fill missing): fills every column with missing values: Age, Embarked.',
      'Step 2 (Train model): changes no column; trains on Survived.',
    ];
    const { rerender } = render(
      <PlanCard
        plan={twoSteps}
        errors={[]}
        summary={summary}
        check="valid"
        checkError={null}
        columns={COLUMNS}
        onChange={() => {}}
        onApply={() => {}}
        applying={false}
        applyError={null}
      />,
    );

    const region = screen.getByRole('region', { name: 'In plain words' });
    const lines = within(region)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(lines).toEqual(summary);
    expect(region.textContent).not.toContain('[]');

    // While the edited plan is checked again, the last summary stays, marked as being updated.
    rerender(
      <PlanCard
        plan={twoSteps}
        errors={[]}
        summary={summary}
        check="checking"
        checkError={null}
        columns={COLUMNS}
        onChange={() => {}}
        onApply={() => {}}
        applying={false}
        applyError={null}
      />,
    );
    expect(screen.getByRole('region', { name: 'In plain words (updating…)' })).toBeInTheDocument();

    // An empty plan has nothing to summarise.
    rerender(
      <PlanCard
        plan={{ explanation: '', actions: [] }}
        errors={[]}
        summary={summary}
        check="idle"
        checkError={null}
        columns={COLUMNS}
        onChange={() => {}}
        onApply={() => {}}
        applying={false}
        applyError={null}
      />,
    );
    expect(screen.queryByRole('region', { name: /In plain words/ })).not.toBeInTheDocument();
  });

  it('shows the warnings of a plan that may run, each with its step, column, number and a better alternative', async () => {
    const onApply = vi.fn();
    const user = userEvent.setup();
    const warnings: PlanWarning[] = [
      {
        action_index: 0,
        action: 'impute',
        column: 'Cabin',
        severity: 'warning',
        code: 'fills_sparse_column',
        message:
          "fills 687 of 891 cells of 'Cabin' (77 % missing) with its most frequent value: most of the column would be invented.",
        alternative:
          "drop the column (a Drop columns step), or keep the fact that it was missing: turn on Add indicator, which adds a 0/1 column 'Cabin_missing'.",
      },
      {
        action_index: 0,
        action: 'impute',
        column: 'Survived',
        severity: 'critical',
        code: 'fills_target',
        message: "fills 12 missing values of the target 'Survived' with invented labels.",
        alternative: 'leave it out.',
      },
    ];
    render(
      <PlanCard
        plan={twoSteps}
        errors={[]}
        warnings={warnings}
        check="valid"
        checkError={null}
        columns={COLUMNS}
        onChange={() => {}}
        onApply={onApply}
        applying={false}
        applyError={null}
      />,
    );

    expect(screen.queryByText('The plan fits this dataset.')).not.toBeInTheDocument();
    expect(
      screen.getByText(/The plan can run, but 2 findings would likely damage the data or the evaluation/),
    ).toBeInTheDocument();
    const shown = screen.getAllByTestId('plan-warning');
    expect(shown).toHaveLength(2);
    expect(shown[0]).toHaveTextContent('Step 1 (Fill missing) · Cabin');
    expect(shown[0]).toHaveTextContent('687 of 891 cells');
    expect(shown[0]).toHaveTextContent('Better: drop the column (a Drop columns step)');
    await user.click(screen.getByRole('button', { name: 'Apply these actions' }));
    expect(onApply).toHaveBeenCalledOnce();
  });

  it('shows each step as a coloured chip with its parameters in words, and applies a valid plan', async () => {
    const onApply = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={twoSteps} onApply={onApply} />);

    expect(steps().map((s) => s.textContent)).toEqual([
      '1. Fill missingmedian · all applicable columns',
      '2. Train model→ Survived',
    ]);
    expect(steps()[0].querySelector('[data-action-type="impute"]')).not.toBeNull();
    expect(screen.getByText('The plan fits this dataset.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply these actions' }));
    expect(onApply).toHaveBeenCalledOnce();
  });

  it('shows each problem beside its step, then beside its field when the step opens, and does not apply', async () => {
    const errors: PlanError[] = [
      {
        action_index: 0,
        action: 'impute',
        field: 'strategy',
        message: 'does not have a value in the enumeration ["median", "mean"]',
      },
      { action_index: 1, action: 'train_model', field: '', message: 'train_model must be the last action of the plan' },
    ];
    render(<Harness initial={twoSteps} errors={errors} check="invalid" />);

    // A step with a problem opens: the field's problem is under the field, the step's under the step.
    const strategy = screen.getByLabelText('Strategy (Step 1)');
    expect(strategy).toHaveAttribute('aria-invalid', 'true');
    expect(within(steps()[0]).getByText('choose one of median, mean')).toBeInTheDocument();
    expect(within(steps()[1]).getByRole('alert', { name: 'Step 2 problems' })).toHaveTextContent(
      'train_model must be the last action of the plan',
    );
    expect(screen.getByText(/2 problems to fix before this plan can run/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeDisabled();
  });

  it('edits a parameter through a form generated from the action schema', async () => {
    const onPlan = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={twoSteps} onPlan={onPlan} />);

    await user.click(screen.getByRole('button', { name: 'Step 1: edit' }));
    await user.selectOptions(screen.getByLabelText('Strategy (Step 1)'), 'mean');
    await user.type(screen.getByLabelText('Columns (Step 1)'), 'Age{Enter}');

    expect(onPlan).toHaveBeenLastCalledWith({
      explanation: 'x',
      actions: [{ type: 'impute', params: { strategy: 'mean', columns: ['Age'] } }, twoSteps.actions[1]],
    });
    expect(steps()[0]).toHaveTextContent('mean · Age');
  });

  it("offers the dataset's columns for a target", async () => {
    const user = userEvent.setup();
    render(<Harness initial={twoSteps} />);

    await user.click(screen.getByRole('button', { name: 'Step 2: edit' }));
    await user.click(screen.getByLabelText('Target (Step 2)'));
    await user.clear(screen.getByLabelText('Target (Step 2)'));
    await user.type(screen.getByLabelText('Target (Step 2)'), 'Fa');

    expect(screen.getByRole('option', { name: 'Fare' })).toBeInTheDocument();
  });

  it('moves and removes steps', async () => {
    const onPlan = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={twoSteps} onPlan={onPlan} />);

    expect(screen.getByRole('button', { name: 'Step 1: move up' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Step 1: move down' }));
    expect(onPlan.mock.lastCall![0].actions.map((a: { type: string }) => a.type)).toEqual(['train_model', 'impute']);

    await user.click(screen.getByRole('button', { name: 'Step 2: remove' }));
    expect(onPlan.mock.lastCall![0].actions.map((a: { type: string }) => a.type)).toEqual(['train_model']);
  });

  it('adds any whitelisted action by hand, before the training step, with its required fields to fill', async () => {
    const onPlan = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={twoSteps} onPlan={onPlan} />);

    await user.click(screen.getByRole('button', { name: 'Add a step' }));
    const menu = screen.getByRole('menu');
    expect(within(menu).getAllByRole('menuitem')).toHaveLength(11);
    await user.click(within(menu).getByRole('menuitem', { name: /^Drop columns/ }));

    expect(onPlan.mock.lastCall![0].actions).toEqual([
      twoSteps.actions[0],
      { type: 'drop_columns', params: { columns: [] } },
      twoSteps.actions[1],
    ]);
  });

  it('shows a parameter the action does not have, so it can be removed', async () => {
    const onPlan = vi.fn();
    const user = userEvent.setup();
    render(
      <Harness
        initial={{ explanation: '', actions: [{ type: 'scale', params: { colums: ['Age'] } as never }] }}
        errors={[
          {
            action_index: 0,
            action: 'scale',
            field: 'colums',
            message: "property 'colums' is not defined in the schema",
          },
        ]}
        check="invalid"
        onPlan={onPlan}
      />,
    );

    expect(screen.getByText(/“colums” is not a parameter of this action/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Step 1: remove colums' }));
    expect(onPlan).toHaveBeenLastCalledWith({ explanation: '', actions: [{ type: 'scale', params: {} }] });
  });

  it('shows the same plan as JSON, with the problems listed by step and field', async () => {
    const user = userEvent.setup();
    render(
      <Harness
        initial={twoSteps}
        check="invalid"
        errors={[
          {
            action_index: 1,
            action: 'train_model',
            field: 'target',
            message: "column 'Survivd' does not exist (did you mean 'Survived'?)",
          },
        ]}
      />,
    );

    await user.click(screen.getByRole('button', { name: 'JSON' }));

    expect(JSON.parse((screen.getByLabelText('Plan (JSON)') as HTMLTextAreaElement).value)).toEqual(twoSteps);
    expect(screen.getByRole('alert', { name: 'Plan problems' })).toHaveTextContent(
      "Step 2 (Train model), target: column 'Survivd' does not exist",
    );
  });

  it('cannot apply an empty plan, or while the plan is being checked', () => {
    const empty = render(<Harness initial={{ explanation: '', actions: [] }} check="idle" />);
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeDisabled();
    expect(screen.getByText(/Nothing planned yet/)).toBeInTheDocument();
    empty.unmount();

    render(<Harness initial={twoSteps} check="checking" />);
    expect(screen.getByText('Checking the plan against this dataset…')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeDisabled();
  });

  it('while the JSON text does not parse, says so instead of "fits", and will not apply the last plan that did', async () => {
    const user = userEvent.setup();
    const onApply = vi.fn();
    render(<Harness initial={twoSteps} check="valid" onApply={onApply} />);
    expect(screen.getByText('The plan fits this dataset.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'JSON' }));
    const text = screen.getByLabelText('Plan (JSON)');
    fireEvent.change(text, { target: { value: '{"actions": [' } });

    expect(screen.getByText(/The JSON text is not a plan yet \(one problem shown under it\)/)).toBeInTheDocument();
    expect(screen.queryByText('The plan fits this dataset.')).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeDisabled();

    fireEvent.change(text, {
      target: { value: '{"explanation": "", "actions": [{"type": "drop_duplicates", "params": {}}]}' },
    });
    expect(screen.queryByText(/The JSON text is not a plan yet/)).not.toBeInTheDocument();
    expect(screen.getByText('The plan fits this dataset.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply these actions' }));
    expect(onApply).toHaveBeenCalledTimes(1);
  });

  it('goes back to the plan it holds when the JSON view is left with unparsed text', async () => {
    const user = userEvent.setup();
    render(<Harness initial={twoSteps} check="valid" />);
    await user.click(screen.getByRole('button', { name: 'JSON' }));
    await user.type(screen.getByLabelText('Plan (JSON)'), 'oops');
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Steps' }));

    expect(steps()).toHaveLength(2);
    expect(screen.getByText('The plan fits this dataset.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Apply these actions' })).toBeEnabled();
  });

  it('shows every problem of the plan at once, beside each step and in the JSON view', async () => {
    const user = userEvent.setup();
    const errors: PlanError[] = [
      { action_index: 0, action: 'impute', field: 'strategy', message: 'must be one of mean, median, mode, constant' },
      { action_index: 1, action: 'train_model', field: 'target', message: "column 'Survivd' does not exist" },
      { action_index: null, action: '', field: 'actions', message: 'a plan trains at most one model' },
    ];
    render(<Harness initial={twoSteps} check="invalid" errors={errors} />);

    expect(
      screen.getByText('3 problems to fix before this plan can run (shown beside each step).'),
    ).toBeInTheDocument();
    expect(screen.getByText(/must be one of mean, median, mode, constant/)).toBeInTheDocument();
    expect(screen.getByText(/column 'Survivd' does not exist/)).toBeInTheDocument();
    expect(screen.getByText(/a plan trains at most one model/)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'JSON' }));
    expect(within(screen.getByRole('alert', { name: 'Plan problems' })).getAllByRole('listitem')).toHaveLength(3);
  });

  it('exports the plan as a manifest only when it could run', async () => {
    const load = vi.fn(async () => ({ blob: new Blob(['kind: AssistantRun\n']), fileName: 'titanic-r-1.yaml' }));
    const { saved, restore } = watchSaves();
    try {
      const props = {
        plan: twoSteps,
        errors: [],
        checkError: null,
        columns: COLUMNS,
        onChange: () => {},
        onApply: () => {},
        applying: false,
        applyError: null,
        onExport: load,
      };
      const { rerender } = render(<PlanCard {...props} check="valid" />);

      await userEvent.click(screen.getByRole('button', { name: /^Export as manifest/ }));
      expect(load).toHaveBeenCalledTimes(1);
      expect(saved.map((s) => s.name)).toEqual(['titanic-r-1.yaml']);

      // A plan the api would refuse to run is not offered for a cluster either.
      rerender(<PlanCard {...props} check="invalid" />);
      expect(screen.getByRole('button', { name: /^Export as manifest/ })).toBeDisabled();
      rerender(<PlanCard {...props} check="valid" plan={{ explanation: '', actions: [] }} />);
      expect(screen.getByRole('button', { name: /^Export as manifest/ })).toBeDisabled();
      // Without an exporter (no dataset to check it against) there is no button.
      rerender(<PlanCard {...props} check="valid" onExport={undefined} />);
      expect(screen.queryByRole('button', { name: /^Export as manifest/ })).not.toBeInTheDocument();
    } finally {
      restore();
    }
  });
});
