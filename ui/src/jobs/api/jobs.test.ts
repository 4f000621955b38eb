import { describe, expect, it } from 'vitest';
import { failure } from '../../test/failure';
import { mockApi } from '../../test/fixtures';
import { getJob } from './getJob';
import { getJobs } from './getJobs';

describe('asking for datasets', () => {
  it('puts an answer that is not a problem (a proxy page) into words', async () => {
    mockApi({ 'GET /api/v1/jobs/j-1/status': () => ({ status: 502, text: '<html>Bad gateway</html>' }) });

    const error = await failure(getJob('j-1'));

    expect(error.title).toBe('The server had a problem');
    expect(error.detail).toBe('The server answered 502.');
  });

  it('says the server cannot be reached when the network fails', async () => {
    mockApi({ 'GET /api/v1/jobs': () => 'network-error' });

    const error = await failure(getJobs());

    expect(error.title).toBe('Assay cannot be reached');
  });
});
