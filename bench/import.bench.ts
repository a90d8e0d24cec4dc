import type { ApiDeps } from '../api/api-deps.ts';
import { createImport, validateImport } from '../api/imports/order-imports.ts';
import { readUpload } from '../api/imports/read-upload.ts';
import { MAX_IMPORT_ROWS } from '../domain/order-import.ts';
import { openStore } from '../store/open-store.ts';
import type { StoreConfig } from '../store/store-config.ts';
import { onBothStores } from './on-both-stores.ts';

const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? MAX_IMPORT_ROWS);
const TARGET_MS = 10_000;

/** A file as a dispatcher's spreadsheet would give it: one order a row, its lines in one cell, one row in fifty with a problem. */
function fileOf(rows: number): string {
  const lines = ['reference,account,kind,due,zone,priority,lines'];
  const due = new Date(Date.now() + 24 * 3_600_000).toISOString();
  for (let i = 1; i <= rows; i++) {
    const bad = i % 50 === 0;
    lines.push(`IMP-${i},ACC-${i % 400},${bad ? 'boat' : 'pick'},${due},Z${i % 9},normal,"SKU-${i % 700} x${1 + (i % 5)}; SKU-${i % 300} x1 @4.5"`);
  }
  return `${lines.join('\n')}\n`;
}

async function measure(name: string, config: StoreConfig): Promise<void> {
  const store = await openStore(config, { migrate: true });
  try {
    const deps = { store } as unknown as ApiDeps;
    const file = fileOf(ROWS);
    const t0 = performance.now();
    const table = await readUpload(new Response(file).body);
    const t1 = performance.now();
    const record = await createImport(deps, table, 'bench.csv', { actor: 'bench', scope: 'bench' });
    const t2 = performance.now();
    const checked = await validateImport(deps, record.id);
    const t3 = performance.now();
    const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
    console.log(`\nImport on ${name}: ${ROWS.toLocaleString('en')} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB of CSV`);
    console.log(`  read (streaming parse)   ${s(t1 - t0)}`);
    console.log(`  rows stored              ${s(t2 - t1)}`);
    console.log(`  dry run (validation)     ${s(t3 - t2)}   ${checked.valid.toLocaleString('en')} valid, ${checked.invalid.toLocaleString('en')} invalid`);
    console.log(`  upload + dry run         ${s(t3 - t0)}   target ${s(TARGET_MS)}: ${t3 - t0 < TARGET_MS ? 'met' : 'MISSED'}`);
  } finally {
    await store.close();
  }
}

export const run = (): Promise<void> => onBothStores(measure);
