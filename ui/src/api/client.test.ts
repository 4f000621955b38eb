import { afterEach, describe, expect, it } from 'vitest';
import { mockApi } from '../test/fixtures';
import { ApiError, api, attachmentName, timeouts } from './client';

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
    mockApi({
      'POST /api/v1/assistant/apply': () => ({
        status: 503,
        headers: { 'Retry-After': '30' },
        json: { title: 'Busy', status: 503, detail: 'The executor queue is full.' },
      }),
    });

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

    const error = await failure(
      api.propose({ job_id: 'j-1', prompt: 'x', consent_send_sample: false, sample_size: 0 }),
    );

    expect(error.title).toBe('No answer in time');
    expect(error.detail).toBe(
      'The assistant did not answer within 1 s. The server may be busy; try again in a moment.',
    );
  });

  it('saves a download under the name the api gives, never under a path', () => {
    expect(attachmentName('attachment; filename="titanic-r-1.yaml"', 'x.yaml')).toBe('titanic-r-1.yaml');
    expect(
      attachmentName(
        'attachment; filename="=?UTF-8?Q?=C3=A9t=C3=A9-r-1.yaml?="; filename*=UTF-8\'\'%C3%A9t%C3%A9-r-1.yaml',
        'x.yaml',
      ),
    ).toBe('été-r-1.yaml');
    expect(attachmentName('attachment; filename="../../etc/passwd"', 'x.yaml')).toBe('passwd');
    expect(attachmentName(null, 'assistantrun.yaml')).toBe('assistantrun.yaml');
  });

  it("asks for a plan's manifest with the plan, and passes on a refusal naming the step", async () => {
    const calls = mockApi({
      'POST /api/v1/jobs/j-1/manifest': (body) =>
        (body as { actions: unknown[] }).actions.length > 1
          ? {
              status: 422,
              json: {
                title: 'Invalid plan',
                status: 422,
                detail: '1 problem in the plan: step 2 (scale): columns: Name is text',
                errors: [{ action_index: 1, action: 'scale', field: 'columns', message: 'Name is text' }],
              },
            }
          : {
              text: 'kind: AssistantRun\n',
              headers: {
                'Content-Type': 'application/yaml',
                'Content-Disposition': 'attachment; filename="titanic-r-9.yaml"',
              },
            },
    });
    const impute = { type: 'impute' as const, params: { strategy: 'median' as const, columns: ['Age'] } };

    const file = await api.planManifest('j-1', { explanation: 'fill', actions: [impute] }, 'impute', 'fill the ages');
    expect(file.fileName).toBe('titanic-r-9.yaml');
    expect(await file.blob.text()).toBe('kind: AssistantRun\n');
    expect(calls[0].body).toEqual({
      explanation: 'fill',
      actions: [impute],
      run_name: 'impute',
      prompt: 'fill the ages',
    });

    const refused = await api
      .planManifest(
        'j-1',
        { explanation: '', actions: [impute, { type: 'scale', params: { method: 'standard', columns: ['Name'] } }] },
        'x',
      )
      .catch((e) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(422);
    expect(refused.errors[0].field).toBe('columns');
  });
});
