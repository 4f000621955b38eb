import { afterEach, describe, expect, it } from 'vitest';
import { timeouts } from '../../lib/client';
import { failure } from '../../test/failure';
import { mockApi } from '../../test/fixtures';
import { askAssistant } from './askAssistant';

const defaults = { ...timeouts };
afterEach(() => Object.assign(timeouts, defaults));

describe('asking the assistant', () => {
  it('gives up on a call that does not answer, and says so', async () => {
    timeouts.assistant = 50;
    mockApi({ 'POST /api/v1/assistant': () => 'hang' });

    const error = await failure(
      askAssistant({ job_id: 'j-1', prompt: 'x', consent_send_sample: false, sample_size: 0 }),
    );

    expect(error.title).toBe('No answer in time');
    expect(error.detail).toBe(
      'The assistant did not answer within 1 s. The server may be busy; try again in a moment.',
    );
  });
});
