import { Migration } from '@mikro-orm/migrations';

export class Migration20261207015000_documents_immutable extends Migration {

  override name = 'Migration20261207015000_documents_immutable';

  // An issued document and a print job's merged PDF are never changed (a correction is a credit note): the
  // database refuses an update from any code path, as it does the audit log's.
  override up(): void | Promise<void> {
    this.addSql(`create trigger if not exists documents_no_update before update on documents begin select raise(abort, 'an issued document is never changed: issue a credit note'); end;`);
    this.addSql(`create trigger if not exists bulk_job_prints_no_update before update on bulk_job_prints begin select raise(abort, 'a merged print is never changed'); end;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists documents_no_update;`);
    this.addSql(`drop trigger if exists bulk_job_prints_no_update;`);
  }

}
