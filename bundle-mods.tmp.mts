import { bundleWorkflowCode } from '@temporalio/worker';
import { writeFileSync } from 'node:fs';
const b = await bundleWorkflowCode({ workflowsPath: '/work/main/workflows/index.ts', logger: { trace() {}, debug() {}, info() {}, warn() {}, error: console.error } as never });
writeFileSync('/tmp/bundle.js', b.code);
console.log(b.code.length);
