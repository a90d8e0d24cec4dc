import type { EntityManager } from '@mikro-orm/sql';
import { addWebhookEvent } from '../../store/webhooks/webhook-events.ts';

export interface RulesetPublishedData {
  decisionPoint: string;
  version: number;
  note: string;
  author: string;
  effectiveFrom: string | null;
  /** The version a rollback published anew. */
  basedOn: number | null;
}

/** `ruleset.published`, in the publication's transaction. */
export function announceRulesetWebhook(tx: EntityManager, data: RulesetPublishedData, now = new Date()): void {
  addWebhookEvent(tx, 'ruleset.published', { ...data }, now);
}
