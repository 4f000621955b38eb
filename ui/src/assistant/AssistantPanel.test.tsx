import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Plan } from '../generated/plan';
import { mockApi } from '../test/fixtures';
import { renderWithQueries } from '../test/render';
import { AssistantPanel } from './AssistantPanel';

const proposal = {
  explanation: 'Fill missing values, then train a classifier on Survived.',
  actions: [{ type: 'impute', params: { strategy: 'median', columns: [] } },
    { type: 'train_model', params: { task: 'classification', target: 'Survived' } }],
  planner: 'built-in', warnings: [], context_url: '/api/v1/artifacts/j-1/assistant/a-1/context.json', sample_rows_sent: 0,
};

function setup() {
  const onProposal = vi.fn<(plan: Plan, prompt: string) => void>();
  const user = userEvent.setup();
  renderWithQueries(<AssistantPanel jobId="j-1" hasPlan={false} onProposal={onProposal} />);
  return { user, onProposal };
}

describe('AssistantPanel', () => {
  it('asks in plain words and shows the explanation and the actions as coloured chips', async () => {
    const calls = mockApi({ 'POST /api/v1/assistant': () => ({ json: proposal }) });
    const { user, onProposal } = setup();

    await user.type(screen.getByLabelText('What should be done with this data?'), 'Fill missing values and train a classifier on Survived');
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    expect(await screen.findByText('Fill missing values, then train a classifier on Survived.')).toBeInTheDocument();
    const chips = screen.getByRole('list', { name: 'Proposed actions' });
    expect(within(chips).getAllByRole('listitem').map((c) => c.textContent)).toEqual([
      '1. Fill missing · median · all applicable columns', '2. Train model · classification · → Survived']);
    expect(within(chips).getAllByRole('listitem')[0].getAttribute('data-chip-type')).toBe('impute');
    expect(screen.getByText(/built-in planner · nothing left Assay/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See exactly what was sent' })).toHaveAttribute('href', proposal.context_url);
    expect(calls[0].body).toEqual({ job_id: 'j-1', prompt: 'Fill missing values and train a classifier on Survived',
      consent_send_sample: false, sample_size: 0 });
    expect(onProposal).toHaveBeenCalledWith({ explanation: proposal.explanation, actions: proposal.actions },
      'Fill missing values and train a classifier on Survived');
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
    const calls = mockApi({ 'POST /api/v1/assistant': () => ({ json: { ...proposal, planner: 'gemini', sample_rows_sent: 20 } }) });
    const { user } = setup();

    expect(screen.getByText(/What will be sent: your request and a description of the data.*No value from any row\./)).toBeInTheDocument();
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

    await user.click(screen.getByRole('button', { name: 'Use the example: Clean this data' }));

    expect(screen.getByLabelText('What should be done with this data?')).toHaveValue('Clean this data');
  });

  it('shows the warnings of an answer, and says when no action fits', async () => {
    mockApi({ 'POST /api/v1/assistant': () => ({ json: { ...proposal, actions: [],
      explanation: 'Assay runs only its own actions; it does not run code.', warnings: ['"run this python" is not something Assay does'] } }) });
    const { user } = setup();

    await user.type(screen.getByLabelText('What should be done with this data?'), 'run this python');
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    expect(await screen.findByText('No action fits this request.')).toBeInTheDocument();
    expect(screen.getByText('"run this python" is not something Assay does')).toBeInTheDocument();
  });

  it('shows an assistant error in words, keeps what was typed and can ask again', async () => {
    let answers = 0;
    mockApi({ 'POST /api/v1/assistant': () => (answers++ === 0
      ? { status: 504, json: { title: 'The assistant took too long', status: 504, detail: 'The gemini model did not answer within 30 s.' } }
      : { json: proposal }) });
    const { user } = setup();

    await user.type(screen.getByLabelText('What should be done with this data?'), 'impute');
    await user.click(screen.getByRole('button', { name: 'Ask' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The assistant took too long');
    expect(alert).toHaveTextContent('did not answer within 30 s');
    expect(screen.getByLabelText('What should be done with this data?')).toHaveValue('impute');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText(proposal.explanation)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
