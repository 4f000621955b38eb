import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { listItem, mockApi } from '../test/fixtures';
import { renderWithQueries } from '../test/render';
import { RecentJobs } from './RecentJobs';

describe('RecentJobs', () => {
  beforeEach(() => window.history.replaceState(null, '', '/'));

  it('lists the datasets newest first, each a link to its page', async () => {
    mockApi({
      'GET /api/v1/jobs': () => ({
        json: [
          listItem({ job_id: 'j-2', file_name: 'penguins.csv', status: 'running', rows: null, columns: null }),
          listItem(),
          listItem({
            job_id: 'j-0',
            file_name: 'broken.csv',
            status: 'failed',
            rows: null,
            columns: null,
            error: 'broken.csv, line 3: has 2 fields but the header has 12',
          }),
        ],
      }),
    });
    const user = userEvent.setup();
    renderWithQueries(<RecentJobs />);

    const table = await screen.findByRole('table', { name: 'Recent datasets' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => within(r).getByRole('link').textContent)).toEqual([
      'penguins.csv',
      'titanic.csv',
      'broken.csv',
    ]);
    expect(rows[1]).toHaveTextContent('891 rows × 12 columns');
    expect(rows[2]).toHaveTextContent('line 3: has 2 fields but the header has 12');

    await user.click(within(rows[1]).getByRole('link', { name: 'titanic.csv' }));
    expect(window.location.pathname).toBe('/jobs/j-1');
  });

  it('tells three uploads of one file apart by their time to the second and their size', async () => {
    const at = (h: number, m: number, sec: number) => {
      const d = new Date();
      d.setHours(h, m, sec, 0);
      return d.toISOString();
    };
    mockApi({
      'GET /api/v1/jobs': () => ({
        json: [
          listItem({ job_id: 'j-3', created_at: at(0, 0, 40), size_bytes: 61_194 }),
          listItem({ job_id: 'j-2', created_at: at(0, 0, 12), size_bytes: 3_512_000 }),
          listItem({ job_id: 'j-1', created_at: at(0, 0, 5), size_bytes: 812 }),
        ],
      }),
    });
    renderWithQueries(<RecentJobs />);

    const table = await screen.findByRole('table', { name: 'Recent datasets' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.querySelectorAll('time')[1].textContent)).toEqual(['00:00:40', '00:00:12', '00:00:05']);
    expect(rows[0]).toHaveTextContent('59.8 KB · 891 rows × 12 columns');
    expect(rows[1]).toHaveTextContent('3.3 MB · 891 rows × 12 columns');
    expect(rows[2]).toHaveTextContent('812 B · 891 rows × 12 columns');
  });

  it('says when nothing was uploaded yet', async () => {
    mockApi({ 'GET /api/v1/jobs': () => ({ json: [] }) });
    renderWithQueries(<RecentJobs />);

    expect(await screen.findByText(/Nothing uploaded yet/)).toBeInTheDocument();
  });

  it('says why the list cannot be shown, and can try again', async () => {
    let up = false;
    mockApi({ 'GET /api/v1/jobs': () => (up ? { json: [listItem()] } : 'network-error') });
    const user = userEvent.setup();
    renderWithQueries(<RecentJobs />);

    expect(await screen.findByRole('alert')).toHaveTextContent('Assay cannot be reached');
    up = true;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('link', { name: 'titanic.csv' })).toBeInTheDocument();
  });

  it('deletes a dataset only after asking, and says why when the server refuses', async () => {
    let deleted = false;
    const calls = mockApi({
      'GET /api/v1/jobs': () => ({
        json: deleted ? [] : [listItem(), listItem({ job_id: 'j-2', file_name: 'busy.csv', status: 'running' })],
      }),
      'DELETE /api/v1/jobs/j-1': (_, n) => {
        if (n === 0) {
          return {
            status: 409,
            json: {
              title: 'Still running',
              status: 409,
              detail: "run 'r-1' is still running; wait until it is done or failed, then delete again",
            },
          };
        }
        deleted = true;
        return { status: 204 };
      },
    });
    const user = userEvent.setup();
    renderWithQueries(<RecentJobs />);

    expect(await screen.findByRole('button', { name: 'Delete busy.csv' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Delete titanic.csv' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete titanic.csv?' });
    expect(dialog).toHaveTextContent('removed for good');
    await user.click(within(dialog).getByRole('button', { name: 'Keep it' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Delete titanic.csv' }));
    await user.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await within(screen.getByRole('dialog')).findByRole('alert')).toHaveTextContent(
      "run 'r-1' is still running",
    );

    await user.click(within(screen.getByRole('dialog')).getByRole('button', { name: 'Delete' }));
    expect(await screen.findByText(/Nothing uploaded yet/)).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE')).toHaveLength(2);
  });
});
