import { Migration } from '@mikro-orm/migrations';

export class Migration20261206134215_ruleset_locks extends Migration {

  override name = 'Migration20261206134215_ruleset_locks';

  override up(): void | Promise<void> {
    this.addSql(`create table \`ruleset_locks\` (\`decision_point\` text not null primary key, \`locks\` json not null, \`updated_by\` text not null, \`updated_at\` datetime not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`ruleset_locks\`;`);
  }

}
