import { z } from 'zod';
import { ID_MAX, oneLine } from '../domain/text.ts';

/** Shapes every route shares. */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional().describe("On a 500: the request's id (also its X-Request-Id header), which finds the logged error."),
  }),
});

/** An id in a path: anything longer, or with control characters, names nothing Sluice has. */
export const pathId = oneLine(ID_MAX);
export const idParams = z.object({ id: pathId });

/** The answers every protected route may give besides its own. */
export const STANDARD_ERRORS = {
  400: { description: 'The input is not valid: every problem is listed by field.', schema: errorBody },
  401: { description: 'Not signed in, or an unknown API token.', schema: errorBody },
  403: { description: 'Signed in, but without a role this needs (the message names it).', schema: errorBody },
} as const;
