import { Migration } from '@mikro-orm/migrations';

export class Migration20261206091722_audit_log_by_subject_type_and_position extends Migration {

  override name = 'Migration20261206091722_audit_log_by_subject_type_and_position';

  override up(): void | Promise<void> {
    this.addSql(`create index \`audit_log_subject_type_xact_id_seq_index\` on \`audit_log\` (\`subject_type\`, \`xact_id\`, \`seq\`);`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index \`audit_log_subject_type_xact_id_seq_index\`;`);
  }

}
