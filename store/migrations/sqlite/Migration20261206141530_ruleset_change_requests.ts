import { Migration } from '@mikro-orm/migrations';

export class Migration20261206141530_ruleset_change_requests extends Migration {

  override name = 'Migration20261206141530_ruleset_change_requests';

  override up(): void | Promise<void> {
    this.addSql(`create table \`ruleset_change_requests\` (\`id\` text not null primary key, \`decision_point\` text not null, \`definition\` json not null, \`note\` text not null, \`effective_from\` datetime null, \`in_flight\` text null, \`override_reason\` text null, \`requested_by\` text not null, \`requested_at\` datetime not null, \`status\` text not null, \`decided_by\` text null, \`decided_at\` datetime null, \`rejection\` text null, \`version\` integer null);`);
    this.addSql(`create index \`ruleset_change_requests_decision_point_index\` on \`ruleset_change_requests\` (\`decision_point\`);`);

    this.addSql(`alter table \`rulesets\` add column \`approval_required\` integer not null default false;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`ruleset_change_requests\`;`);

    this.addSql(`alter table \`rulesets\` drop column \`approval_required\`;`);
  }

}
