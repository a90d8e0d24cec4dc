import { Migration } from '@mikro-orm/migrations';

export class Migration20261206141558_trend_indexes extends Migration {

  override name = 'Migration20261206141558_trend_indexes';

  override up(): void | Promise<void> {
    this.addSql(`create index "audit_log_subject_type_at_index" on "audit_log" ("subject_type", "at");`);

    this.addSql(`create index "release_cycles_started_at_index" on "release_cycles" ("started_at");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "audit_log_subject_type_at_index";`);

    this.addSql(`drop index "release_cycles_started_at_index";`);
  }

}
