import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderWithQueries } from '../test/render';
import { SignedInAs } from './SignedInAs';

function answer(status: number, body: unknown) {
  vi.stubGlobal(
    'fetch',
    vi.fn(
      async () =>
        new Response(JSON.stringify(body), {
          status,
          headers: { 'Content-Type': status >= 400 ? 'application/problem+json' : 'application/json' },
        }),
    ),
  );
}

describe('SignedInAs', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('names the signed-in person and offers a sign-out that posts to /logout', async () => {
    answer(200, { name: 'alice', teams: ['team-a'], admin: false, sign_out: true });
    renderWithQueries(<SignedInAs />);
    expect(await screen.findByText('alice')).toBeInTheDocument();
    const signOut = screen.getByRole('button', { name: 'Sign out' });
    expect(signOut.closest('form')).toHaveAttribute('action', '/logout');
    expect(signOut.closest('form')).toHaveAttribute('method', 'post');
  });

  it('on a laptop shows the local user without a sign-out', async () => {
    answer(200, { name: 'local', teams: ['local'], admin: true, sign_out: false });
    renderWithQueries(<SignedInAs />);
    expect(await screen.findByText('local')).toBeInTheDocument();
    expect(screen.getByText('admin')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument();
  });

  it('without a session offers the sign-in', async () => {
    answer(401, { title: 'Unauthorized', status: 401, detail: 'sign in first' });
    renderWithQueries(<SignedInAs />);
    expect(await screen.findByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/oauth2/authorization/assay');
  });
});
