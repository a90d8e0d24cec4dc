import { Migration } from '@mikro-orm/migrations';

export class Migration20261206193150_notifications extends Migration {

  override name = 'Migration20261206193150_notifications';

  override up(): void | Promise<void> {
    this.addSql(`create table "notification_read_marks" ("user_id" varchar not null, "read_through" int not null, "marked_at" timestamptz not null, primary key ("user_id"));`);

    this.addSql(`create table "notification_reads" ("user_id" varchar not null, "notification_seq" int not null, "read_at" timestamptz not null, primary key ("user_id", "notification_seq"));`);

    this.addSql(`create table "notifications" ("seq" serial primary key, "dedupe_key" varchar not null, "user_id" varchar null, "role" varchar null, "kind" varchar not null, "title" varchar not null, "text" varchar not null, "link" varchar not null, "created_at" timestamptz not null, "xact_id" bigint not null default '0');`);
    this.addSql(`alter table "notifications" add constraint "notifications_dedupe_key_unique" unique ("dedupe_key");`);
    this.addSql(`create index "notifications_user_id_seq_index" on "notifications" ("user_id", "seq");`);
    this.addSql(`create index "notifications_role_seq_index" on "notifications" ("role", "seq");`);
    this.addSql(`create index "notifications_xact_id_seq_index" on "notifications" ("xact_id", "seq");`);

    // The live stream reads notifications in commit order, as the live events read the audit log: each row
    // carries its transaction's id (`settledRows` in store/dialect.ts).
    this.addSql(`create trigger notifications_xact before insert on "notifications" for each row execute function audit_log_stamp_xact();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop table if exists "notification_read_marks" cascade;`);
    this.addSql(`drop table if exists "notification_reads" cascade;`);
    this.addSql(`drop table if exists "notifications" cascade;`);
  }

}
