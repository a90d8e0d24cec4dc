import { describe, expect, it } from 'vitest';
import { MENTIONS_MAX } from './conversation.ts';
import { mentionedNames } from './mentions.ts';

describe('mentionedNames', () => {
  it.each<[string, string[]]>([
    ['no mention at all', []],
    ['@ana please call the customer', ['ana']],
    ['ask @Ana.Lopez.', ['ana.lopez']],
    ['@bo and @cy, then @bo again', ['bo', 'cy']],
    ['mail ana@example.com about it', []],
    ['a lone @ or @x is nobody', []],
    ['(cc @dispatch_1)', ['dispatch_1']],
    ['line one\n@ops-lead line two', ['ops-lead']],
  ])('%j mentions %j', (text, names) => {
    expect(mentionedNames(text)).toEqual(names);
  });

  it(`stops at ${MENTIONS_MAX} names`, () => {
    const text = Array.from({ length: MENTIONS_MAX + 5 }, (_, i) => `@user${i}`).join(' ');
    expect(mentionedNames(text)).toHaveLength(MENTIONS_MAX);
  });
});
