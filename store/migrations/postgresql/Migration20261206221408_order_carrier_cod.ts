import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221408_order_carrier_cod extends Migration {

  override name = 'Migration20261206221408_order_carrier_cod';

  override up(): void | Promise<void> {
    this.addSql(`alter table "orders" add "carrier_type" varchar null, add "cod_amount" double precision null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "orders" drop column "carrier_type", drop column "cod_amount";`);
  }

}
