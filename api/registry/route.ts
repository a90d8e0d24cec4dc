import type { Context } from 'hono';
import type { z } from 'zod';
import type { Permission } from '../../domain/roles.ts';
import type { AppEnv, Principal } from '../auth/principal.ts';

/**
 * Who may call a route: anyone (`public`), anyone signed in (`signed_in`, e.g. to read their own
 * session), the roles that hold a permission of `domain/roles.ts`, or a driver's token (`driver`: the
 * driver API, and nothing else, for the driver's own trips).
 */
export type Access = 'public' | 'signed_in' | 'driver' | Permission;

export interface ResponseSpec {
  description: string;
  schema?: z.ZodType;
  /** Defaults to application/json; several when the request chooses (an export's format). */
  contentType?: string | readonly string[];
}

type Inferred<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteSpec<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined> {
  method: 'get' | 'post' | 'put' | 'delete';
  /** Hono syntax: `/orders/:id`. */
  path: string;
  operationId: string;
  summary: string;
  tag: string;
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  responses: Record<number, ResponseSpec>;
  handler: (c: Context<AppEnv>, input: { params: Inferred<P>; query: Inferred<Q>; body: Inferred<B>; principal: Principal }) => Response | Promise<Response>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a list of routes mixes every input type
export type AnyRoute = RouteSpec<any, any, any>;

/** Declares a route: its schemas, who may call it and what it answers. Inference flows into the handler. */
export function defineRoute<P extends z.ZodType | undefined = undefined, Q extends z.ZodType | undefined = undefined, B extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<P, Q, B>,
): AnyRoute {
  return spec as AnyRoute;
}
