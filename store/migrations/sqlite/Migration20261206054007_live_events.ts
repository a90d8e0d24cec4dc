import { Migration } from '@mikro-orm/migrations';

export class Migration20261206054007_live_events extends Migration {

  override name = 'Migration20261206054007_live_events';

  override up(): void | Promise<void> {
    this.addSql(`create table \`outbox\` (\`id\` text not null primary key, \`announcement\` json not null, \`created_at\` datetime not null, \`delivered_at\` datetime null);`);
    this.addSql(`create index \`outbox_delivered_at_created_at_index\` on \`outbox\` (\`delivered_at\`, \`created_at\`);`);

    this.addSql(`alter table \`audit_log\` add column \`xact_id\` bigint not null default '0';`);
    this.addSql(`create index \`audit_log_xact_id_seq_index\` on \`audit_log\` (\`xact_id\`, \`seq\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`outbox\`;`);

    this.addSql(`drop index \`audit_log_xact_id_seq_index\`;`);
    this.addSql(`alter table \`audit_log\` drop column \`xact_id\`;`);
  }

}
