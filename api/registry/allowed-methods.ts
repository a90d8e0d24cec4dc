import type { AnyRoute } from './route.ts';

const pattern = (path: string) => new RegExp(`^${path.replace(/:\w+/g, '[^/]+')}/?$`);

/** The methods the registry serves at a concrete path (HEAD with GET), for a 405's Allow header; none: no such path. */
export function allowedMethods(routes: readonly AnyRoute[], path: string): string[] {
  const methods = routes.filter((r) => pattern(r.path).test(path)).map((r) => r.method.toUpperCase());
  if (methods.includes('GET')) methods.push('HEAD');
  return [...new Set(methods)];
}
