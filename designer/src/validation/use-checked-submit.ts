import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { ApiError } from '../api/api-error.ts';
import { fieldErrors } from './field-errors.ts';
import { flattenIssues } from './flatten-issues.ts';

/**
 * A form's submit: checks the values against the same schema the API applies, sends them, and spreads
 * problems onto their fields (from the schema or from the server) or, failing that, one message.
 */
export function useCheckedSubmit<S extends z.ZodType, R>(schema: S, send: (data: z.output<S>) => Promise<R>, onDone: (result: R) => void) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent, values: unknown) => {
    event.preventDefault();
    setFailure(null);
    const parsed = schema.safeParse(values);
    if (!parsed.success) {
      setErrors(fieldErrors(flattenIssues(parsed.error.issues)));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      onDone(await send(parsed.data));
    } catch (error) {
      const fromServer = fieldErrors(error instanceof ApiError ? error.issues : []);
      setErrors(fromServer);
      if (Object.keys(fromServer).length === 0) setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setPending(false);
    }
  };
  return { errors, failure, pending, submit };
}
