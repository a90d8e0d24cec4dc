import { Migration } from '@mikro-orm/migrations';

export class Migration20261206225714_desk_filter_indexes extends Migration {

  override name = 'Migration20261206225714_desk_filter_indexes';

  override up(): void | Promise<void> {
    this.addSql(`drop index "orders_state_index";`);
    this.addSql(`drop index "orders_work_area_id_index";`);
    this.addSql(`create index "orders_state_due_at_id_index" on "orders" ("state", "due_at", "id");`);
    this.addSql(`create index "orders_kind_priority_score_id_index" on "orders" ("kind", "priority_score", "id");`);
    this.addSql(`create index "orders_work_area_id_state_due_at_id_index" on "orders" ("work_area_id", "state", "due_at", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "orders_state_due_at_id_index";`);
    this.addSql(`drop index "orders_kind_priority_score_id_index";`);
    this.addSql(`drop index "orders_work_area_id_state_due_at_id_index";`);
    this.addSql(`create index "orders_state_index" on "orders" ("state");`);
    this.addSql(`create index "orders_work_area_id_index" on "orders" ("work_area_id");`);
  }

}
