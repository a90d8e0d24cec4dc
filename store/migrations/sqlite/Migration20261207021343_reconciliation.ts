import { Migration } from '@mikro-orm/migrations';

export class Migration20261207021343_reconciliation extends Migration {

  override name = 'Migration20261207021343_reconciliation';

  override up(): void | Promise<void> {
    this.addSql(`create table \`reconciliation_days\` (\`site\` text not null, \`day\` text not null, \`status\` text not null, \`report\` json not null, \`sha256\` text not null, \`signed_off_by\` text not null, \`signed_off_at\` datetime not null, \`reopened_by\` text null, \`reopened_at\` datetime null, \`reopen_reason\` text null, primary key (\`site\`, \`day\`));`);

    this.addSql(`create index \`documents_kind_issued_at_index\` on \`documents\` (\`kind\`, \`issued_at\`);`);

    this.addSql(`alter table \`orders\` add column \`finished_at\` datetime null;`);
    this.addSql(`alter table \`orders\` add column \`cod_collected\` real null;`);
    this.addSql(`alter table \`orders\` add column \`cod_remitted\` real null;`);
    this.addSql(`create index \`orders_warehouse_created_at_index\` on \`orders\` (\`warehouse\`, \`created_at\`);`);
    this.addSql(`create index \`orders_warehouse_released_at_index\` on \`orders\` (\`warehouse\`, \`released_at\`);`);
    this.addSql(`create index \`orders_warehouse_finished_at_index\` on \`orders\` (\`warehouse\`, \`finished_at\`);`);
    this.addSql(`create index \`orders_warehouse_due_at_index\` on \`orders\` (\`warehouse\`, \`due_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`reconciliation_days\`;`);

    this.addSql(`drop index \`documents_kind_issued_at_index\`;`);

    this.addSql(`drop index \`orders_warehouse_created_at_index\`;`);
    this.addSql(`drop index \`orders_warehouse_released_at_index\`;`);
    this.addSql(`drop index \`orders_warehouse_finished_at_index\`;`);
    this.addSql(`drop index \`orders_warehouse_due_at_index\`;`);
    this.addSql(`alter table \`orders\` drop column \`finished_at\`;`);
    this.addSql(`alter table \`orders\` drop column \`cod_collected\`;`);
    this.addSql(`alter table \`orders\` drop column \`cod_remitted\`;`);
  }

}
