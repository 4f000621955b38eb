import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Plan } from '../generated/plan';
import { mockApi } from '../test/fixtures';
import { renderWithQueries } from '../test/render';
import { AssistantPanel, addToPlan } from './AssistantPanel';

const proposal = {
  explanation: 'Fill missing values, then train a classifier on Survived.',
  actions: [
    { type: 'impute', params: { strategy: 'median', columns: [] } },
    { type: 'train_model', params: { task: 'classification', target: 'Survived' } },
  ],
  planner: 'built-in',
  warnings: [],
  context_url: '/api/v1/artifacts/j-1/assistant/a-1/context.json',
  sample_rows_sent: 0,
};

/** The panel with the plan held as the job page holds it, so that follow-ups see the plan they refine. */
function Harness({ onProposal, plans }: { onProposal: (plan: Plan, prompt: string) => void; plans: Plan[] }) {
  const [plan, setPlan] = useState<Plan>({ explanation: '', actions: [] });
  return (
    <AssistantPanel
      jobId="j-1"
      plan={plan}
      onPlan={(next, asked) => {
        plans.push(next);
        setPlan(next);
        onProposal(next, asked);
      }}
    />
  );
}

function setup() {
  const onProposal = vi.fn<(plan: Plan, prompt: string) => void>();
  const plans: Plan[] = [];
  const user = userEvent.setup();
  renderWithQueries(<Harness onProposal={onProposal} plans={plans} />);
  return { user, onProposal, plans };
}

const box = () => screen.getByLabelText('What should be done with this data?');

describe('AssistantPanel', () => {
  it('asks in plain words and shows the explanation and the actions as coloured chips', async () => {
    const calls = mockApi({ 'POST /api/v1/assistant': () => ({ json: proposal }) });
    const { user, onProposal } = setup();

    await user.type(
      screen.getByLabelText('What should be done with this data?'),
      'Fill missing values and train a classifier on Survived',
    );
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    expect(await screen.findByText('Fill missing values, then train a classifier on Survived.')).toBeInTheDocument();
    const chips = screen.getByRole('list', { name: 'Proposed actions' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((c) => c.textContent),
    ).toEqual(['1. Fill missing · median · all applicable columns', '2. Train model · classification · → Survived']);
    expect(within(chips).getAllByRole('listitem')[0].getAttribute('data-chip-type')).toBe('impute');
    expect(screen.getByText(/built-in planner · nothing left Assay/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See exactly what was sent' })).toHaveAttribute(
      'href',
      proposal.context_url,
    );
    expect(calls[0].body).toEqual({
      job_id: 'j-1',
      prompt: 'Fill missing values and train a classifier on Survived',
      consent_send_sample: false,
      sample_size: 0,
    });
    expect(onProposal).toHaveBeenCalledWith(
      { explanation: proposal.explanation, actions: proposal.actions },
      'Fill missing values and train a classifier on Survived',
    );
  });

  it("shows the validator's warnings about the answer with the step, the column and a better way", async () => {
    mockApi({
      'POST /api/v1/assistant': () => ({
        json: {
          ...proposal,
          review: [
            {
              action_index: 0,
              action: 'impute',
              column: 'Cabin',
              severity: 'warning',
              code: 'fills_sparse_column',
              number: 687,
              message:
                "fills 687 of 891 cells of 'Cabin' (77 % missing) with its most frequent value: most of the column would be invented.",
              alternative: 'drop it (drop_columns), or keep the fact that it was missing with add_indicator: true.',
            },
          ],
        },
      }),
    });
    const { user } = setup();

    await user.type(box(), 'fill the cabin then predict survived');
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    const review = await screen.findByRole('region', { name: 'Steps of this answer judged likely to mislead' });
    expect(within(review).getByText('Step 1 (Fill missing) · Cabin')).toBeInTheDocument();
    expect(within(review).getByText(/fills 687 of 891 cells of 'Cabin'/)).toBeInTheDocument();
    expect(within(review).getByText(/add_indicator: true/)).toBeInTheDocument();
  });

  it('asks on Enter, and takes Shift+Enter as a new line', async () => {
    const calls = mockApi({ 'POST /api/v1/assistant': () => ({ json: proposal }) });
    const { user } = setup();

    const box = screen.getByLabelText('What should be done with this data?');
    await user.type(box, 'impute{Shift>}{Enter}{/Shift}then train on Survived{Enter}');

    await screen.findByText(proposal.explanation);
    expect(calls).toHaveLength(1);
    expect(calls[0].body).toMatchObject({ prompt: 'impute\nthen train on Survived' });
  });

  it('says exactly what will be sent, and sends sample rows only with consent and never more than 20', async () => {
    const calls = mockApi({
      'POST /api/v1/assistant': () => ({ json: { ...proposal, planner: 'gemini', sample_rows_sent: 20 } }),
    });
    const { user } = setup();

    expect(
      screen.getByText(/What will be sent: your request and a description of the data.*No value from any row\./),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Sample rows')).toBeDisabled();

    await user.click(screen.getByLabelText('Also send sample rows'));
    const rows = screen.getByLabelText('Sample rows');
    await user.clear(rows);
    await user.type(rows, '50');
    expect(screen.getByText(/and the first 20 rows of the file, cells cut at 80 characters/)).toBeInTheDocument();
    expect(screen.getByText('At most 20 rows are ever sent; 20 will be.')).toBeInTheDocument();

    await user.type(screen.getByLabelText('What should be done with this data?'), 'scale the numbers');
    await user.click(screen.getByRole('button', { name: 'Ask' }));
    await screen.findByText(/gemini planner · 20 sample rows sent/);
    expect(calls[0].body).toMatchObject({ consent_send_sample: true, sample_size: 20 });
  });

  it('fills the box with an example', async () => {
    mockApi({});
    const { user } = setup();

    await user.click(screen.getByRole('button', { name: 'Clean this data' }));

    expect(screen.getByLabelText('What should be done with this data?')).toHaveValue('Clean this data');
  });

  it('shows the warnings of an answer, and says when no action fits', async () => {
    mockApi({
      'POST /api/v1/assistant': () => ({
        json: {
          ...proposal,
          actions: [],
          explanation: 'Assay runs only its own actions; it does not run code.',
          warnings: ['"run this python" is not something Assay does'],
        },
      }),
    });
    const { user } = setup();

    await user.type(screen.getByLabelText('What should be done with this data?'), 'run this python');
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    expect(await screen.findByText('No action fits this request; the plan is unchanged.')).toBeInTheDocument();
    expect(screen.getByText('"run this python" is not something Assay does')).toBeInTheDocument();
  });

  it('shows an assistant error in words, keeps what was typed and can ask again', async () => {
    let answers = 0;
    mockApi({
      'POST /api/v1/assistant': () =>
        answers++ === 0
          ? {
              status: 504,
              json: {
                title: 'The assistant took too long',
                status: 504,
                detail: 'The gemini model did not answer within 30 s.',
              },
            }
          : { json: proposal },
    });
    const { user } = setup();

    await user.type(screen.getByLabelText('What should be done with this data?'), 'impute');
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The assistant took too long');
    expect(alert).toHaveTextContent('did not answer within 30 s');
    expect(box()).toHaveValue('impute');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(proposal.explanation)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('follows up on the current plan: the answer replaces it or is added only when asked, and undo goes back', async () => {
    const scaled = {
      ...proposal,
      explanation: 'Also scale Age.',
      changes: ['added scale on Age'],
      summary: ['Step 3 (scale): rescales Age.'],
      actions: [
        proposal.actions[0],
        { type: 'scale', params: { method: 'standard', columns: ['Age'] } },
        proposal.actions[1],
      ],
    };
    const answers = [
      proposal,
      scaled,
      { ...proposal, actions: [], explanation: 'I could not find a column called "salary".' },
    ];
    const calls = mockApi({
      'POST /api/v1/assistant': () => ({ json: answers[Math.min(calls.length - 1, answers.length - 1)] }),
    });
    const { user, plans } = setup();

    await user.type(box(), 'Fill missing values and train a classifier on Survived{Enter}');
    await screen.findByText(proposal.explanation);
    expect(plans).toHaveLength(1);

    await user.type(box(), 'also scale Age{Enter}');
    await screen.findByText('Also scale Age.');
    // The follow-up carried the current plan and the earlier turn.
    expect(calls[1].body).toMatchObject({
      prompt: 'also scale Age',
      plan: proposal.actions,
      turns: [{ prompt: 'Fill missing values and train a classifier on Survived', before: [] }],
    });
    expect(screen.getByRole('list', { name: 'What the answer changes' })).toHaveTextContent('added scale');
    expect(screen.getByRole('list', { name: 'Summary of the answer' })).toHaveTextContent(
      'Step 3 (scale): rescales Age.',
    );
    expect(plans).toHaveLength(1);
    await user.click(screen.getByRole('button', { name: 'Replace the plan' }));
    expect(plans[1].actions).toEqual(scaled.actions);
    expect(screen.getByRole('list', { name: 'Conversation' })).toHaveTextContent(
      'Fill missing values and train a classifier on Survived',
    );

    // An answer without actions never touches the plan.
    await user.type(box(), 'drop rows where salary is missing{Enter}');
    await screen.findByText('No action fits this request; the plan is unchanged.');
    expect(plans).toHaveLength(2);
    expect(screen.queryByRole('button', { name: 'Replace the plan' })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Undo the last answer' }));
    expect(plans[2].actions).toEqual(proposal.actions);
  });

  it('adds an answer to the plan before its model', () => {
    const plan = {
      explanation: 'x',
      actions: [
        { type: 'drop_columns', params: { columns: ['Cabin'] } },
        { type: 'train_model', params: { target: 'Survived' } },
      ],
    } as Plan;
    const added = addToPlan(plan, {
      ...proposal,
      actions: [{ type: 'scale', params: { method: 'standard', columns: ['Age'] } }],
    });
    expect(added.actions.map((a) => a.type)).toEqual(['drop_columns', 'scale', 'train_model']);
  });
});
