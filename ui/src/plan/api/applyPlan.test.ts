import { describe, expect, it } from 'vitest';
import { failure } from '../../test/failure';
import { mockApi } from '../../test/fixtures';
import { applyPlan } from './applyPlan';

describe('applying a plan', () => {
  it('passes on the problem the api describes, with the errors of each step', async () => {
    mockApi({
      'POST /api/v1/assistant/apply': () => ({
        status: 422,
        json: {
          title: 'Invalid plan',
          status: 422,
          detail: "1 problem in the plan: actions[0] (encode) columns: column 'Sexx' does not exist",
          errors: [
            {
              action_index: 0,
              action: 'encode',
              field: 'columns',
              message: "column 'Sexx' does not exist (did you mean 'Sex'?)",
            },
          ],
        },
      }),
    });

    const error = await failure(applyPlan({ jobId: 'j-1', plan: { explanation: '', actions: [] }, runName: 'x' }));

    expect(error.title).toBe('Invalid plan');
    expect(error.detail).toContain("column 'Sexx' does not exist");
    expect(error.errors[0]).toMatchObject({ action_index: 0, field: 'columns' });
  });

  it('says when to try again when the server is busy', async () => {
    mockApi({
      'POST /api/v1/assistant/apply': () => ({
        status: 503,
        headers: { 'Retry-After': '30' },
        json: { title: 'Busy', status: 503, detail: 'The executor queue is full.' },
      }),
    });

    const error = await failure(applyPlan({ jobId: 'j-1', plan: { explanation: '', actions: [] }, runName: 'x' }));

    expect(error.detail).toBe('The executor queue is full. Try again in 30 s.');
  });
});
