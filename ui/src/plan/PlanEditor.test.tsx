import { fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { PlanEditor } from './PlanEditor';

describe('PlanEditor', () => {
  const plan = { explanation: 'x', actions: [{ type: 'drop_duplicates' as const, params: {} }] };

  it('says when the JSON is broken, without losing what was typed', () => {
    const onChange = vi.fn();
    render(<PlanEditor plan={plan} errors={[]} onChange={onChange} />);

    fireEvent.change(screen.getByLabelText('Plan (JSON)'), { target: { value: '{"actions": [' } });

    expect(screen.getByText(/Not valid JSON/)).toBeInTheDocument();
    expect(screen.getByLabelText('Plan (JSON)')).toHaveValue('{"actions": [');
    expect(onChange).not.toHaveBeenCalled();
  });

  it('refuses an action that is not on the whitelist', () => {
    const onChange = vi.fn();
    render(<PlanEditor plan={plan} errors={[]} onChange={onChange} />);

    fireEvent.change(screen.getByLabelText('Plan (JSON)'), {
      target: { value: '{"explanation": "", "actions": [{"type": "run_python", "params": {}}]}' },
    });

    expect(screen.getByText('Action 1: "run_python" is not one of Assay\'s actions.')).toBeInTheDocument();
    expect(onChange).not.toHaveBeenCalled();
  });

  it('passes a well-formed edit on', () => {
    const onChange = vi.fn();
    render(<PlanEditor plan={plan} errors={[]} onChange={onChange} />);

    fireEvent.change(screen.getByLabelText('Plan (JSON)'), {
      target: { value: '{"explanation": "e", "actions": [{"type": "scale", "params": {"columns": ["Age"]}}]}' },
    });

    expect(onChange).toHaveBeenCalledWith({
      explanation: 'e',
      actions: [{ type: 'scale', params: { columns: ['Age'] } }],
    });
  });

  it('lists every problem in the text at once, not the first one only', () => {
    const onChange = vi.fn();
    const onTextProblems = vi.fn();
    render(<PlanEditor plan={plan} errors={[]} onChange={onChange} onTextProblems={onTextProblems} />);

    fireEvent.change(screen.getByLabelText('Plan (JSON)'), {
      target: {
        value: JSON.stringify({
          actions: [
            { type: 'run_python', params: {} },
            { type: 'scale', params: ['Age'] },
            { params: {} },
            { type: 'drop_duplicates' },
          ],
        }),
      },
    });

    const problems = [
      'Action 1: "run_python" is not one of Assay\'s actions.',
      'Action 2: "params" must be an object of named parameters.',
      'Action 3 has no "type".',
    ];
    expect(
      within(screen.getByRole('list', { name: 'Problems in the JSON text' }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(problems);
    expect(screen.getByText('3 problems in the text:')).toBeInTheDocument();
    expect(onTextProblems).toHaveBeenLastCalledWith(problems);
    expect(onChange).not.toHaveBeenCalled();
  });
});
