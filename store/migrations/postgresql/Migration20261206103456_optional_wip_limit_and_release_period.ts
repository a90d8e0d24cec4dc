import { Migration } from '@mikro-orm/migrations';

export class Migration20261206103456_optional_wip_limit_and_release_period extends Migration {

  override name = 'Migration20261206103456_optional_wip_limit_and_release_period';

  override up(): void | Promise<void> {
    this.addSql(`alter table "release_cycles" alter column "limit" drop not null;`);

    this.addSql(`alter table "work_areas" add "release_period" jsonb null;`);
    this.addSql(`alter table "work_areas" alter column "wip_limit" drop not null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "release_cycles" alter column "limit" set not null;`);

    this.addSql(`alter table "work_areas" drop column "release_period";`);
    this.addSql(`alter table "work_areas" alter column "wip_limit" set not null;`);
  }

}
