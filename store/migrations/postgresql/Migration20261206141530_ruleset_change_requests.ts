import { Migration } from '@mikro-orm/migrations';

export class Migration20261206141530_ruleset_change_requests extends Migration {

  override name = 'Migration20261206141530_ruleset_change_requests';

  override up(): void | Promise<void> {
    this.addSql(`create table "ruleset_change_requests" ("id" varchar not null, "decision_point" varchar not null, "definition" jsonb not null, "note" varchar not null, "effective_from" timestamptz null, "in_flight" varchar null, "override_reason" varchar null, "requested_by" varchar not null, "requested_at" timestamptz not null, "status" varchar not null, "decided_by" varchar null, "decided_at" timestamptz null, "rejection" varchar null, "version" int null, primary key ("id"));`);
    this.addSql(`create index "ruleset_change_requests_decision_point_index" on "ruleset_change_requests" ("decision_point");`);

    this.addSql(`alter table "rulesets" add "approval_required" boolean not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "ruleset_change_requests" cascade;`);

    this.addSql(`alter table "rulesets" drop column "approval_required";`);
  }

}
