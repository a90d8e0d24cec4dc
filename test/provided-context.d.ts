// Values test/global-setup.ts hands to every test file through inject().
declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalNamespace: string;
  }
}

// A module, so the block above augments vitest's types instead of replacing them.
export {};
