import { Migration } from '@mikro-orm/migrations';

export class Migration20261206172812_orders_table_indexes extends Migration {

  override name = 'Migration20261206172812_orders_table_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "orders_due_at_id_index" on "orders" ("due_at", "id");`);
    this.addSql(`create index "orders_reference_id_index" on "orders" ("reference", "id");`);
    this.addSql(`create index "orders_account_id_index" on "orders" ("account", "id");`);
    this.addSql(`create index "orders_priority_score_id_index" on "orders" ("priority_score", "id");`);
    this.addSql(`create index "orders_updated_at_id_index" on "orders" ("updated_at", "id");`);
    this.addSql(`create index "orders_kind_created_at_index" on "orders" ("kind", "created_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "orders_due_at_id_index";`);
    this.addSql(`drop index "orders_reference_id_index";`);
    this.addSql(`drop index "orders_account_id_index";`);
    this.addSql(`drop index "orders_priority_score_id_index";`);
    this.addSql(`drop index "orders_updated_at_id_index";`);
    this.addSql(`drop index "orders_kind_created_at_index";`);
  }

}
