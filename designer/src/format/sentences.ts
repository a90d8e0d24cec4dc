/**
 * Ends a sentence with one full stop: text that already ends in `.`, `!`, `?` or `…` (a person's reason
 * often does) keeps its own, so that joined sentences never show "..".
 */
export function finish(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return '';
  return /[.!?…]["”’)]?$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** A reason after a colon, without its own closing stop: "Held for credit by Fred: dispute". */
export function clause(text: string): string {
  return text.trim().replace(/[.\s]+$/, '');
}
