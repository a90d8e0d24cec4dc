import { USERNAME_MAX_LENGTH } from '../auth-limits.ts';
import { MENTIONS_MAX } from './conversation.ts';

// A user name as domain/auth.ts allows it, after an @ that starts a word (so an email address mentions nobody);
// a trailing dot ends the sentence, not the name.
const MENTION = /(?<![\w@.])@([a-z0-9._-]{2,})/gi;

/** The distinct user names a message mentions, lower-cased, in the order written, at most MENTIONS_MAX. */
export function mentionedNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(MENTION)) {
    const name = match[1]!.toLowerCase().replace(/[.]+$/, '');
    if (name.length < 2 || name.length > USERNAME_MAX_LENGTH || names.includes(name)) continue;
    names.push(name);
    if (names.length === MENTIONS_MAX) break;
  }
  return names;
}
