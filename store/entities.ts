import { AccountContactRecord } from './accounts/account-contact.entity.ts';
import { AccountLedgerRecord } from './accounts/account-ledger.entity.ts';
import { AccountRecord } from './accounts/account.entity.ts';
import { ApiTokenRecord } from './api-token.entity.ts';
import { AuditEntryRecord } from './audit-entry.entity.ts';
import { BulkJobItemRecord } from './bulk-jobs/bulk-job-item.entity.ts';
import { BulkJobRecord } from './bulk-jobs/bulk-job.entity.ts';
import { BulkPrintRecord } from './bulk-jobs/bulk-print.entity.ts';
import { DecisionRecord } from './decision.entity.ts';
import { DocumentRecord, DocumentSeriesRecord, OrderTrackingRecord } from './documents/document.entity.ts';
import { LoginThrottleRecord } from './login-throttle.entity.ts';
import { OrderCandidateAreaRecord } from './order-candidate-area.entity.ts';
import { OrderOperationRecord } from './order-operation.entity.ts';
import { ImportTemplateRecord, OrderImportRecord, OrderImportRowRecord } from './order-import.entity.ts';
import { OrderRecord } from './order.entity.ts';
import { DriverThreadReadRecord } from './conversations/driver-thread-read.entity.ts';
import { OrderMessageRecord } from './conversations/order-message.entity.ts';
import { OrderSkuRecord } from './order-sku.entity.ts';
import { NotificationReadMarkRecord, NotificationReadRecord, NotificationRecord } from './notifications/notification.entity.ts';
import { OutboxRecord } from './outbox.entity.ts';
import { PriceListAccountRecord, PriceListRecord, PriceRecord, ProductRecord } from './inventory/catalogue.entity.ts';
import { ReservationRecord, StockReceiptRecord, StockRecord } from './inventory/stock.entity.ts';
import { WarehouseSettingsRecord } from './inventory/warehouse-settings.entity.ts';
import { ReconciliationDayRecord } from './reconciliation/reconciliation-day.entity.ts';
import { ReleaseCycleRecord } from './release-cycle.entity.ts';
import { ReturnClaimRecord, RmaRecord } from './returns/rma.entity.ts';
import { PublicRateLimitRecord } from './tracking/public-rate-limit.entity.ts';
import { SupportTicketRecord, SupportTicketReplyRecord } from './support/support-ticket.entity.ts';
import { TripOrderRecord, TripRecord, TripStopRecord } from './trips/trip.entity.ts';
import { DriverProfileRecord, DriverTokenRecord } from './drivers/driver-profile.entity.ts';
import { HubRouteRecord, RouteSessionOrderRecord, RouteSessionRecord } from './routes/route.entity.ts';
import { WaybillOrderRecord, WaybillRecord } from './waybills/waybill.entity.ts';
import { ZoneRecord } from './zones/zone.entity.ts';
import { ReleaseGroupRecord } from './release-group.entity.ts';
import { ReleaseJudgementRecord } from './release-judgement.entity.ts';
import { ResourceRecord } from './resource.entity.ts';
import { RulesetLockRecord } from './ruleset-lock.entity.ts';
import { RulesetTestCaseRecord } from './ruleset-test-case.entity.ts';
import { RulesetChangeRequestRecord } from './ruleset-change-request.entity.ts';
import { RulesetVersionRecord } from './ruleset-version.entity.ts';
import { RulesetRecord } from './ruleset.entity.ts';
import { SavedViewRecord } from './saved-view.entity.ts';
import { SessionRecord } from './session.entity.ts';
import { UserRecord } from './user.entity.ts';
import { WorkAreaRecord } from './work-area.entity.ts';
import { WebhookAttemptRecord } from './webhooks/webhook-attempt.entity.ts';
import { WebhookEndpointRecord } from './webhooks/webhook-endpoint.entity.ts';
import { WebhookEventRecord } from './webhooks/webhook-event.entity.ts';

export const ENTITIES = [
  OrderRecord,
  OrderOperationRecord,
  OrderCandidateAreaRecord,
  OrderSkuRecord,
  WorkAreaRecord,
  ResourceRecord,
  ReleaseCycleRecord,
  ReleaseGroupRecord,
  ReleaseJudgementRecord,
  RulesetRecord,
  RulesetVersionRecord,
  RulesetTestCaseRecord,
  RulesetLockRecord,
  RulesetChangeRequestRecord,
  DecisionRecord,
  AuditEntryRecord,
  UserRecord,
  SessionRecord,
  ApiTokenRecord,
  LoginThrottleRecord,
  OutboxRecord,
  WebhookEndpointRecord,
  WebhookEventRecord,
  WebhookAttemptRecord,
  NotificationRecord,
  NotificationReadRecord,
  NotificationReadMarkRecord,
  BulkJobRecord,
  BulkJobItemRecord,
  BulkPrintRecord,
  SavedViewRecord,
  OrderImportRecord,
  OrderImportRowRecord,
  ImportTemplateRecord,
  ProductRecord,
  PriceListRecord,
  PriceListAccountRecord,
  PriceRecord,
  StockRecord,
  ReservationRecord,
  StockReceiptRecord,
  WarehouseSettingsRecord,
  DocumentRecord,
  RmaRecord,
  ReturnClaimRecord,
  DocumentSeriesRecord,
  OrderTrackingRecord,
  AccountRecord,
  AccountContactRecord,
  AccountLedgerRecord,
  SupportTicketRecord,
  SupportTicketReplyRecord,
  PublicRateLimitRecord,
  ReconciliationDayRecord,
  TripRecord,
  TripStopRecord,
  TripOrderRecord,
  DriverProfileRecord,
  DriverTokenRecord,
  HubRouteRecord,
  RouteSessionRecord,
  RouteSessionOrderRecord,
  WaybillRecord,
  WaybillOrderRecord,
  OrderMessageRecord,
  DriverThreadReadRecord,
  ZoneRecord,
];
