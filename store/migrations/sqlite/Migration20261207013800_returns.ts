import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013800_returns extends Migration {

  override name = 'Migration20261207013800_returns';

  override up(): void | Promise<void> {
    this.addSql(`create table \`return_claims\` (\`order_id\` text not null, \`sku\` text not null, \`qty\` integer not null, primary key (\`order_id\`, \`sku\`));`);

    this.addSql(`create table \`rmas\` (\`id\` text not null primary key, \`order_id\` text not null, \`account_code\` text not null, \`state\` text not null, \`approver\` text not null, \`decision_id\` text null, \`lines\` json not null, \`value_cents\` integer not null, \`disposition\` text null, \`outcome\` text null, \`credit_note_id\` text null, \`exchange_order_id\` text null, \`requested_by\` text not null, \`requested_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create index \`rmas_order_id_index\` on \`rmas\` (\`order_id\`);`);
    this.addSql(`create index \`rmas_state_requested_at_index\` on \`rmas\` (\`state\`, \`requested_at\`);`);
    this.addSql(`create index \`rmas_requested_at_index\` on \`rmas\` (\`requested_at\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`return_claims\`;`);
    this.addSql(`drop table if exists \`rmas\`;`);
  }

}
