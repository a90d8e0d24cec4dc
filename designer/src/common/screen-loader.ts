import { lazy, type ComponentType, type LazyExoticComponent } from 'react';

export interface Screen<P extends object> {
  Component: LazyExoticComponent<ComponentType<P>> | ComponentType<P>;
  /** Starts loading the screen's code now, e.g. while the session is checked. */
  preload: () => Promise<ComponentType<P>>;
}

/**
 * `React.lazy` for a screen, except that a screen whose code has already loaded renders at once. Plain
 * `lazy` suspends on its first render even then, and React reveals a boundary at most 300 ms after it
 * showed a fallback: the first page would sit behind a loader for that long with its code in hand.
 */
export function screen<P extends object>(load: () => Promise<ComponentType<P>>): Screen<P> {
  let loaded: { default: ComponentType<P> } | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () =>
    (loading ??= load().then((component) => {
      loaded = { default: component };
      return component;
    }));
  const Component = lazy<ComponentType<P>>(() => {
    const ready = loaded;
    // React reads a thenable that calls back at once as already settled, so nothing suspends.
    if (ready) return { then: (resolve: (module: { default: ComponentType<P> }) => void) => resolve(ready) } as Promise<{ default: ComponentType<P> }>;
    return preload().then((component) => ({ default: component }));
  });
  return { Component, preload };
}

/** A screen whose code comes with the page: nothing to load, it renders at once. */
export function loadedScreen<P extends object>(Component: ComponentType<P>): Screen<P> {
  return { Component, preload: () => Promise.resolve(Component) };
}
