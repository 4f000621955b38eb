import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe as group, expect, it, vi } from 'vitest';
import { renderWithQueries } from '../test/render';
import { ActivityPage } from './ActivityPage';
import type { AuditEvent } from './api/audit';

function event(overrides: Partial<AuditEvent>): AuditEvent {
  return {
    id: 1,
    at: '2026-12-06T14:00:00Z',
    actor: 'alice',
    team: 'team-a',
    action: 'upload',
    outcome: 'success',
    request_id: 'req-1',
    dataset_id: 'j-1',
    run_id: null,
    details: { file: 'titanic.csv', bytes: 61194 },
    ...overrides,
  };
}

/** Answers /api/v1/me and /api/v1/audit, and keeps every audit URL asked for. */
function serve(admin: boolean, events: AuditEvent[], total = events.length) {
  const asked: URL[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (input: RequestInfo | URL) => {
      const url = new URL(String(input), 'http://localhost');
      if (url.pathname === '/api/v1/me') {
        return new Response(
          JSON.stringify({ name: admin ? 'root' : 'alice', teams: ['team-a'], admin, sign_out: true }),
        );
      }
      asked.push(url);
      return new Response(JSON.stringify({ events, page: Number(url.searchParams.get('page')), size: 25, total }));
    }),
  );
  return asked;
}

group('ActivityPage', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the events with what each was about, never more than the trail holds', async () => {
    serve(false, [
      event({
        id: 3,
        action: 'apply',
        run_id: 'r-1',
        details: { actions: ['impute', 'train_model'], run_name: 'fill' },
      }),
      event({
        id: 2,
        action: 'assistant',
        details: { prompt: 'fill missing ages', provider: 'built-in', bytes_sent: 0 },
      }),
      event({ id: 1 }),
    ]);
    renderWithQueries(<ActivityPage />);

    await screen.findByText('titanic.csv');
    const table = screen.getByRole('table', { name: 'Audit events' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toHaveTextContent('Plan applied');
    expect(rows[0]).toHaveTextContent('impute, train_model · fill');
    expect(rows[1]).toHaveTextContent('“fill missing ages” · built-in · 0 bytes sent');
    expect(rows[2]).toHaveTextContent('titanic.csv');
    expect(screen.getByText('1–3 of 3')).toBeInTheDocument();
    // Only an admin filters by person.
    expect(screen.queryByLabelText('Person')).not.toBeInTheDocument();
  });

  it('asks the api with the chosen filters and pages, and exports the same filters', async () => {
    const asked = serve(
      true,
      [event({ id: 1, action: 'download', outcome: 'failure', details: { artifact: 'x.bin', status: 404 } })],
      60,
    );
    const user = userEvent.setup();
    renderWithQueries(<ActivityPage />);
    await screen.findByText(/x\.bin · answered 404/);

    await user.click(screen.getByLabelText('Action'));
    await user.click(await screen.findByRole('option', { name: 'Download' }));
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('action')).toBe('download'));
    await user.type(screen.getByLabelText('Person'), 'bob');
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('actor')).toBe('bob'));
    await user.click(screen.getByRole('button', { name: 'Older' }));
    await waitFor(() => expect(asked.at(-1)?.searchParams.get('page')).toBe('1'));

    expect(screen.getByRole('link', { name: 'Export (JSON Lines)' })).toHaveAttribute(
      'href',
      '/api/v1/audit/export?action=download&actor=bob',
    );
  });

  it('shows the problem the api answered', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) =>
        String(input).startsWith('/api/v1/me')
          ? new Response(JSON.stringify({ name: 'alice', teams: ['t'], admin: false, sign_out: false }))
          : new Response(
              JSON.stringify({ title: 'Invalid filter', status: 400, detail: "'from' is 'x'; it must be an instant" }),
              { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
            ),
      ),
    );
    renderWithQueries(<ActivityPage />);
    expect(await screen.findByText(/'from' is 'x'/)).toBeInTheDocument();
  });
});
