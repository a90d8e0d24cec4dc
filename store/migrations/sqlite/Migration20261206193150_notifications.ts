import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193150_notifications extends Migration {

  override name = 'Migration20261206193150_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table \`notification_read_marks\` (\`user_id\` text not null primary key, \`read_through\` integer not null, \`marked_at\` datetime not null);`);

    this.addSql(`create table \`notification_reads\` (\`user_id\` text not null, \`notification_seq\` integer not null, \`read_at\` datetime not null, primary key (\`user_id\`, \`notification_seq\`));`);

    this.addSql(`create table \`notifications\` (\`seq\` integer not null primary key autoincrement, \`dedupe_key\` text not null, \`user_id\` text null, \`role\` text null, \`kind\` text not null, \`title\` text not null, \`text\` text not null, \`link\` text not null, \`created_at\` datetime not null, \`xact_id\` bigint not null default '0');`);
    this.addSql(`create unique index \`notifications_dedupe_key_unique\` on \`notifications\` (\`dedupe_key\`);`);
    this.addSql(`create index \`notifications_user_id_seq_index\` on \`notifications\` (\`user_id\`, \`seq\`);`);
    this.addSql(`create index \`notifications_role_seq_index\` on \`notifications\` (\`role\`, \`seq\`);`);
    this.addSql(`create index \`notifications_xact_id_seq_index\` on \`notifications\` (\`xact_id\`, \`seq\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`notification_read_marks\`;`);
    this.addSql(`drop table if exists \`notification_reads\`;`);
    this.addSql(`drop table if exists \`notifications\`;`);
  }

}
