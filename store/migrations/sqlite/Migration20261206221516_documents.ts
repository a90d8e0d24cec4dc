import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221516_documents extends Migration {

  override name = 'Migration20261206221516_documents';

  override up(): void | Promise<void> {
    this.addSql(`create table \`documents\` (\`id\` text not null primary key, \`order_id\` text not null, \`kind\` text not null, \`issue_key\` text not null, \`series\` text null, \`series_number\` integer null, \`number\` text null, \`corrects_id\` text null, \`reason\` text null, \`lines\` json not null, \`total\` real not null, \`template_version\` integer not null, \`sha256\` text not null, \`size\` integer not null, \`pdf\` blob not null, \`issued_at\` datetime not null, \`issued_by\` text not null);`);
    this.addSql(`create index \`documents_order_id_issued_at_index\` on \`documents\` (\`order_id\`, \`issued_at\`);`);
    this.addSql(`create unique index \`documents_issue_key_unique\` on \`documents\` (\`issue_key\`);`);
    this.addSql(`create unique index \`documents_series_series_number_unique\` on \`documents\` (\`series\`, \`series_number\`);`);

    this.addSql(`create table \`document_series\` (\`id\` text not null primary key, \`last_number\` integer not null);`);

    this.addSql(`create table \`order_tracking\` (\`order_id\` text not null primary key, \`token\` text not null, \`created_at\` datetime not null);`);
    this.addSql(`create unique index \`order_tracking_token_unique\` on \`order_tracking\` (\`token\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`documents\`;`);
    this.addSql(`drop table if exists \`document_series\`;`);
    this.addSql(`drop table if exists \`order_tracking\`;`);
  }

}
