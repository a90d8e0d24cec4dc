import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221428_inventory extends Migration {

  override name = 'Migration20261206221428_inventory';

  override up(): void | Promise<void> {
    this.addSql(`create table \`price_list_accounts\` (\`account\` text not null, \`price_list_id\` text not null, primary key (\`account\`, \`price_list_id\`));`);
    this.addSql(`create index \`price_list_accounts_price_list_id_index\` on \`price_list_accounts\` (\`price_list_id\`);`);

    this.addSql(`create table \`price_lists\` (\`id\` text not null primary key, \`name\` text not null, \`is_default\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);
    this.addSql(`create unique index \`price_lists_name_unique\` on \`price_lists\` (\`name\`);`);

    this.addSql(`create table \`prices\` (\`price_list_id\` text not null, \`sku\` text not null, \`price\` double not null, primary key (\`price_list_id\`, \`sku\`));`);
    this.addSql(`create index \`prices_sku_index\` on \`prices\` (\`sku\`);`);

    this.addSql(`create table \`products\` (\`sku\` text not null primary key, \`name\` text not null, \`unit\` text not null, \`active\` integer not null, \`created_at\` datetime not null, \`updated_at\` datetime not null);`);

    this.addSql(`create table \`reservations\` (\`order_id\` text not null, \`sku\` text not null, \`warehouse\` text not null, \`qty\` integer not null, \`status\` text not null, \`created_at\` datetime not null, \`updated_at\` datetime not null, primary key (\`order_id\`, \`sku\`));`);
    this.addSql(`create index \`reservations_warehouse_sku_status_index\` on \`reservations\` (\`warehouse\`, \`sku\`, \`status\`);`);

    this.addSql(`create table \`stock_receipts\` (\`id\` text not null primary key, \`warehouse\` text not null, \`lines\` json not null, \`received_by\` text not null, \`received_at\` datetime not null);`);
    this.addSql(`create index \`stock_receipts_received_at_index\` on \`stock_receipts\` (\`received_at\`);`);

    this.addSql(`create table \`stock\` (\`warehouse\` text not null, \`sku\` text not null, \`on_hand\` integer not null, \`reserved\` integer not null, \`updated_at\` datetime not null, primary key (\`warehouse\`, \`sku\`));`);
    this.addSql(`create index \`stock_sku_index\` on \`stock\` (\`sku\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists \`price_list_accounts\`;`);
    this.addSql(`drop table if exists \`price_lists\`;`);
    this.addSql(`drop table if exists \`prices\`;`);
    this.addSql(`drop table if exists \`products\`;`);
    this.addSql(`drop table if exists \`reservations\`;`);
    this.addSql(`drop table if exists \`stock_receipts\`;`);
    this.addSql(`drop table if exists \`stock\`;`);
  }

}
