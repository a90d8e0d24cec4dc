// pg comes with MikroORM's PostgreSQL driver, without type declarations; the store uses its Client only to
// create a database, and for backups to read the migrations applied and rename databases.
declare module 'pg' {
  export class Client {
    constructor(options: { connectionString: string });
    connect(): Promise<void>;
    query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: R[] }>;
    end(): Promise<void>;
  }
  const pg: { Client: typeof Client };
  export default pg;
}
