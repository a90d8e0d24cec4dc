import { Migration } from '@mikro-orm/migrations';

export class Migration20261207083149_driver_thread_mentions extends Migration {

  override name = 'Migration20261207083149_driver_thread_mentions';

  override up(): void | Promise<void> {
    this.addSql(`create table \`driver_thread_reads\` (\`driver_id\` text not null, \`order_id\` text not null, \`read_seq\` integer not null, primary key (\`driver_id\`, \`order_id\`));`);

    this.addSql(`alter table \`order_messages\` add column \`mentioned_driver_id\` text null;`);
    this.addSql(`create index \`order_messages_mentioned_driver_id_order_id_index\` on \`order_messages\` (\`mentioned_driver_id\`, \`order_id\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`driver_thread_reads\`;`);

    this.addSql(`drop index \`order_messages_mentioned_driver_id_order_id_index\`;`);
    this.addSql(`alter table \`order_messages\` drop column \`mentioned_driver_id\`;`);
  }

}
