import 'react';

// Element Timing (https://w3c.github.io/element-timing/): the browser reports when an element so marked
// was painted. React passes the attribute through; its types do not list it.
declare module 'react' {
  // The type parameter must be React's own for the interfaces to merge, though this one does not use it.
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  interface HTMLAttributes<T> {
    elementtiming?: string;
  }
}
