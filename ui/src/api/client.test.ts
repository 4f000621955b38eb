import { afterEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/fixtures';
import { ApiError, api, timeouts } from './client';

const defaults = { ...timeouts };
afterEach(() => Object.assign(timeouts, defaults));

async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}

describe('api client', () => {
  it('passes on the problem the api describes, with the errors of each step', async () => {
    mockApi({ 'POST /api/v1/assistant/apply': () => ({ status: 422, json: {
      title: 'Invalid plan', status: 422, detail: "1 problem in the plan: actions[0] (encode) columns: column 'Sexx' does not exist",
      errors: [{ action_index: 0, action: 'encode', field: 'columns', message: "column 'Sexx' does not exist (did you mean 'Sex'?)" }],
    } }) });

    const error = await failure(api.apply('j-1', { explanation: '', actions: [] }, 'x'));

    expect(error.title).toBe('Invalid plan');
    expect(error.detail).toContain("column 'Sexx' does not exist");
    expect(error.errors[0]).toMatchObject({ action_index: 0, field: 'columns' });
  });

  it('puts an answer that is not a problem (a proxy page) into words', async () => {
    mockApi({ 'GET /api/v1/jobs/j-1/status': () => ({ status: 502, text: '<html>Bad gateway</html>' }) });

    const error = await failure(api.job('j-1'));

    expect(error.title).toBe('The server had a problem');
    expect(error.detail).toBe('The server answered 502.');
  });

  it('says when to try again when the server is busy', async () => {
    mockApi({ 'POST /api/v1/assistant/apply': () => ({ status: 503, headers: { 'Retry-After': '30' },
      json: { title: 'Busy', status: 503, detail: 'The executor queue is full.' } }) });

    const error = await failure(api.apply('j-1', { explanation: '', actions: [] }, 'x'));

    expect(error.detail).toBe('The executor queue is full. Try again in 30 s.');
  });

  it('says the server cannot be reached when the network fails', async () => {
    mockApi({ 'GET /api/v1/jobs': () => 'network-error' });

    const error = await failure(api.jobs());

    expect(error.title).toBe('Assay cannot be reached');
  });

  it('gives up on a call that does not answer, and says so', async () => {
    timeouts.assistant = 50;
    mockApi({ 'POST /api/v1/assistant': () => 'hang' });

    const error = await failure(api.propose({ job_id: 'j-1', prompt: 'x', consent_send_sample: false, sample_size: 0 }));

    expect(error.title).toBe('No answer in time');
    expect(error.detail).toBe('The assistant did not answer within 1 s. The server may be busy; try again in a moment.');
  });
});
