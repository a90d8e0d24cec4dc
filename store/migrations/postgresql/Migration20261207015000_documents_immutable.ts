import { Migration } from '@mikro-orm/migrations';

export class Migration20261207015000_documents_immutable extends Migration {

  override name = 'Migration20261207015000_documents_immutable';

  // An issued document and a print job's merged PDF are never changed (a correction is a credit note): the
  // database refuses an update from any code path and role, as it does the audit log's.
  override up(): void | Promise<void> {
    this.addSql(`create function documents_immutable() returns trigger language plpgsql as $$ begin raise exception 'an issued document is never changed: issue a credit note'; end $$;`);
    this.addSql(`create trigger documents_no_update before update on "documents" for each row execute function documents_immutable();`);
    this.addSql(`create function bulk_job_prints_immutable() returns trigger language plpgsql as $$ begin raise exception 'a merged print is never changed'; end $$;`);
    this.addSql(`create trigger bulk_job_prints_no_update before update on "bulk_job_prints" for each row execute function bulk_job_prints_immutable();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists bulk_job_prints_no_update on "bulk_job_prints";`);
    this.addSql(`drop function if exists bulk_job_prints_immutable();`);
    this.addSql(`drop trigger if exists documents_no_update on "documents";`);
    this.addSql(`drop function if exists documents_immutable();`);
  }

}
