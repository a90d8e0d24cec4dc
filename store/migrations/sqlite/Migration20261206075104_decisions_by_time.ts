import { Migration } from '@mikro-orm/migrations';

export class Migration20261206075104_decisions_by_time extends Migration {

  override name = 'Migration20261206075104_decisions_by_time';

  override up(): void | Promise<void> {
    this.addSql(`create index \`decisions_decided_at_id_index\` on \`decisions\` (\`decided_at\`, \`id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`decisions_decided_at_id_index\`;`);
  }

}
