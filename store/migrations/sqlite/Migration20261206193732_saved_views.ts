import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193732_saved_views extends Migration {

  override name = 'Migration20261206193732_saved_views';

  override up(): void | Promise<void> {
    this.addSql(`create table \`saved_views\` (\`id\` text not null primary key, \`owner\` text not null, \`name\` text not null, \`query\` text not null, \`columns\` json null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`saved_views_owner_name_unique\` on \`saved_views\` (\`owner\`, \`name\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`saved_views\`;`);
  }

}
