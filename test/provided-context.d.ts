// Values test/global-setup.ts hands to every test file through inject().
declare module 'vitest' {
  export interface ProvidedContext {
    temporalAddress: string;
    temporalNamespace: string;
    /** The run's throwaway PostgreSQL server (`postgres://user@host:port`, no database) when SLUICE_TEST_STORE=postgres, else empty. */
    postgresServerUrl: string;
  }
}

// A module, so the block above augments vitest's types instead of replacing them.
export {};
