import { Migration } from '@mikro-orm/migrations';

export class Migration20261207045920_add_zones extends Migration {

  override name = 'Migration20261207045920_add_zones';

  override up(): void | Promise<void> {
    this.addSql(`create table \`zones\` (\`name\` text not null primary key, \`polygon\` json not null, \`colour\` text not null, \`updated_at\` datetime not null, \`updated_by\` text not null);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`zones\`;`);
  }

}
