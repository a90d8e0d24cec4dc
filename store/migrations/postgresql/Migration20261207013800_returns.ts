import { Migration } from '@mikro-orm/migrations';

export class Migration20261207013800_returns extends Migration {

  override name = 'Migration20261207013800_returns';

  override up(): void | Promise<void> {
    this.addSql(`create table "return_claims" ("order_id" varchar not null, "sku" varchar not null, "qty" int not null, primary key ("order_id", "sku"));`);

    this.addSql(`create table "rmas" ("id" varchar not null, "order_id" varchar not null, "account_code" varchar not null, "state" varchar not null, "approver" varchar not null, "decision_id" varchar null, "lines" jsonb not null, "value_cents" int not null, "disposition" varchar null, "outcome" varchar null, "credit_note_id" varchar null, "exchange_order_id" varchar null, "requested_by" varchar not null, "requested_at" timestamptz not null, "updated_at" timestamptz not null, primary key ("id"));`);
    this.addSql(`create index "rmas_order_id_index" on "rmas" ("order_id");`);
    this.addSql(`create index "rmas_state_requested_at_index" on "rmas" ("state", "requested_at");`);
    this.addSql(`create index "rmas_requested_at_index" on "rmas" ("requested_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "return_claims" cascade;`);
    this.addSql(`drop table if exists "rmas" cascade;`);
  }

}
