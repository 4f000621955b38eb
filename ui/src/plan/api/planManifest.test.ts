import { describe, expect, it } from 'vitest';
import { ApiError } from '../../lib/client';
import { mockApi } from '../../test/fixtures';
import { getPlanManifest } from './planManifest';

describe("a plan's manifest", () => {
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

    const file = await getPlanManifest({
      jobId: 'j-1',
      plan: { explanation: 'fill', actions: [impute] },
      runName: 'impute',
      prompt: 'fill the ages',
    });
    expect(file.fileName).toBe('titanic-r-9.yaml');
    expect(await file.blob.text()).toBe('kind: AssistantRun\n');
    expect(calls[0].body).toEqual({
      explanation: 'fill',
      actions: [impute],
      run_name: 'impute',
      prompt: 'fill the ages',
    });

    const refused = await getPlanManifest({
      jobId: 'j-1',
      plan: {
        explanation: '',
        actions: [impute, { type: 'scale', params: { method: 'standard', columns: ['Name'] } }],
      },
      runName: 'x',
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused.status).toBe(422);
    expect(refused.errors[0].field).toBe('columns');
  });
});
