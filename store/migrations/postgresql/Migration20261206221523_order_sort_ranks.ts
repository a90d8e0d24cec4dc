import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221523_order_sort_ranks extends Migration {

  override name = 'Migration20261206221523_order_sort_ranks';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders" add "stated_priority_rank" int not null default 1, add "last_mile_rank" int not null default 7;`);
    // The ranks of the orders stored before them, as order-sort-ranks.ts gives them (the statuses in LAST_MILE_STATUSES' order).
    this.addSql(`update "orders" set "stated_priority_rank" = case "stated_priority" when 'low' then 0 when 'normal' then 1 when 'high' then 2 when 'urgent' then 3 else 1 end, "last_mile_rank" = case "last_mile_status" when 'Pending' then 0 when 'Assigned' then 1 when 'Picked Up' then 2 when 'In Transit' then 3 when 'Delivered' then 4 when 'Cancelled' then 5 when 'Returned' then 6 else 7 end;`);
    this.addSql(`create index "orders_stated_priority_rank_id_index" on "orders" ("stated_priority_rank", "id");`);
    this.addSql(`create index "orders_last_mile_rank_id_index" on "orders" ("last_mile_rank", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "orders_stated_priority_rank_id_index";`);
    this.addSql(`drop index "orders_last_mile_rank_id_index";`);
    this.addSql(`alter table "orders" drop column "stated_priority_rank", drop column "last_mile_rank";`);
  }

}
