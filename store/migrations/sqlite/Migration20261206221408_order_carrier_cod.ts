import { Migration } from '@mikro-orm/migrations';

export class Migration20261206221408_order_carrier_cod extends Migration {

  override name = 'Migration20261206221408_order_carrier_cod';

  override up(): void | Promise<void> {
    this.addSql(`alter table \`orders\` add column \`carrier_type\` text null;`);
    this.addSql(`alter table \`orders\` add column \`cod_amount\` real null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table \`orders\` drop column \`carrier_type\`;`);
    this.addSql(`alter table \`orders\` drop column \`cod_amount\`;`);
  }

}
