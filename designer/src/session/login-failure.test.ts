import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/api-error.ts';
import { describeLoginFailure } from './login-failure.ts';

describe('describeLoginFailure', () => {
  it('says the credentials are wrong without saying which one', () => {
    const failure = describeLoginFailure(new ApiError(401, 'invalid_credentials', 'Invalid credentials.'), 0);
    expect(failure.kind).toBe('credentials');
    expect(failure.title).toBe('Wrong username or password');
  });

  it('knows until when signing in is throttled', () => {
    const failure = describeLoginFailure(new ApiError(429, 'too_many_attempts', 'Try again in 2 minutes.', [], 120), 1_000);
    expect(failure).toMatchObject({ kind: 'throttled', message: 'Try again in 2 minutes.', retryAt: 121_000 });
  });

  it("passes on the server's message for anything else", () => {
    expect(describeLoginFailure(new ApiError(0, 'unreachable', 'The Sluice API cannot be reached.'), 0)).toMatchObject({
      kind: 'other',
      title: 'Sluice cannot be reached',
    });
  });
});
