import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013326_warehouse_settings extends Migration {

  override name = 'Migration20261207013326_warehouse_settings';

  override up(): void | Promise<void> {
    this.addSql(`create table \`warehouse_settings\` (\`warehouse\` text not null primary key, \`reserve_at\` text not null, \`updated_at\` datetime not null, \`updated_by\` text not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`warehouse_settings\`;`);
  }

}
