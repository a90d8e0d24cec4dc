import { describe, expect, it } from 'vitest';
import { createUserRequest } from '../../../domain/auth.ts';
import { suggestPassword } from './suggest-password.ts';

describe('suggestPassword', () => {
  it('suggests readable passwords the API accepts, different each time', () => {
    const first = suggestPassword();
    expect(first).toMatch(/^[a-zA-Z2-9]{4}(-[a-zA-Z2-9]{4}){3}$/);
    expect(first).not.toMatch(/[01lIO]/);
    expect(createUserRequest.shape.password.safeParse(first).success).toBe(true);
    expect(suggestPassword()).not.toBe(first);
  });
});
