import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockApi } from '../test/fixtures';
import { renderWithQueries } from '../test/render';
import { SamplePicker } from './SamplePicker';

describe('SamplePicker', () => {
  it('lists the packaged datasets and opens the profile of the one picked', async () => {
    const calls = mockApi({
      'GET /api/v1/samples': () => ({
        json: [
          { name: 'tips', file_name: 'tips.csv', size_bytes: 9729 },
          { name: 'titanic', file_name: 'titanic.csv', size_bytes: 60302 },
        ],
      }),
      'POST /api/v1/samples/titanic/jobs': () => ({
        status: 202,
        json: { job_id: 'j-7', file_name: 'titanic.csv', status_url: '/api/v1/jobs/j-7/status' },
      }),
    });
    const user = userEvent.setup();
    renderWithQueries(<SamplePicker />);

    expect(await screen.findByRole('heading', { name: 'Try it with a sample' })).toBeInTheDocument();
    await user.click(await screen.findByRole('button', { name: /^titanic\.csv/ }));

    await waitFor(() => expect(window.location.pathname).toBe('/jobs/j-7'));
    expect(calls.some((c) => c.path === '/api/v1/samples/titanic/jobs')).toBe(true);
    expect(screen.getByRole('button', { name: /^tips\.csv/ })).toHaveTextContent('9.5 KB');
  });
});
