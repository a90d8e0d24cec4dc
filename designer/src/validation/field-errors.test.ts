import { describe, expect, it } from 'vitest';
import { fieldErrors } from './field-errors.ts';

describe('fieldErrors', () => {
  it.each([
    { name: 'a top-level field', issues: [{ path: 'name', message: 'name is required' }], field: 'name', shown: 'Name is required' },
    { name: 'a nested field, under its own path', issues: [{ path: 'capacity.wipLimit', message: 'too small' }], field: 'capacity.wipLimit', shown: 'Too small' },
    { name: 'a nested field, under its group', issues: [{ path: 'capacity.wipLimit', message: 'too small' }], field: 'capacity', shown: 'Too small' },
    { name: 'a list item, under the list', issues: [{ path: 'roles.0', message: 'unknown role' }], field: 'roles', shown: 'Unknown role' },
    {
      name: 'the first problem of a field wins',
      issues: [
        { path: 'lines.0.qty', message: 'first' },
        { path: 'lines.0.qty', message: 'second' },
      ],
      field: 'lines.0.qty',
      shown: 'First',
    },
  ])('shows $name', ({ issues, field, shown }) => {
    expect(fieldErrors(issues)[field]).toBe(shown);
  });
});
