import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134215_ruleset_locks extends Migration {

  override name = 'Migration20261206134215_ruleset_locks';

  override up(): void | Promise<void> {
    this.addSql(`create table "ruleset_locks" ("decision_point" varchar not null, "locks" jsonb not null, "updated_by" varchar not null, "updated_at" timestamptz not null, primary key ("decision_point"));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "ruleset_locks" cascade;`);
  }

}
