import { Migration } from '@mikro-orm/migrations';

export class Migration20261207045028_order_messages extends Migration {

  override name = 'Migration20261207045028_order_messages';

  override up(): void | Promise<void> {
    this.addSql(`create table \`order_messages\` (\`seq\` integer not null primary key autoincrement, \`order_id\` text not null, \`author_kind\` text not null, \`author_id\` text not null, \`author_name\` text not null, \`text\` text not null, \`mentions\` json not null, \`created_at\` datetime not null);`);
    this.addSql(`create index \`order_messages_order_id_seq_index\` on \`order_messages\` (\`order_id\`, \`seq\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`order_messages\`;`);
  }

}
