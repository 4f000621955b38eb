import { expect } from 'vitest';
import { ApiError } from '../lib/client';

/** Awaits a request that must fail and hands back its ApiError, so a test can read what the person is told. */
export async function failure(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiError);
    return e as ApiError;
  }
  throw new Error('expected the call to fail');
}
