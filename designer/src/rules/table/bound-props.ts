import { describeBound } from '../../../../rules/edit-check.ts';
import type { ValueLimit } from '../locks/table-limits.ts';

/** Under a bounded value: its bound, or what is wrong with it. */
export const boundProps = (limit: ValueLimit | undefined) =>
  limit
    ? { description: limit.problem ? undefined : `Allowed: ${describeBound(limit.bound)}`, error: limit.problem ?? undefined, inputWrapperOrder: ['label', 'input', 'description', 'error'] as ('label' | 'input' | 'description' | 'error')[] }
    : {};
