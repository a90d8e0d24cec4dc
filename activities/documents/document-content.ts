import type { DocumentKind } from '../../domain/document.ts';
import type { OrderKind, PaymentMode } from '../../domain/order.ts';

/** Everything a document prints, gathered before rendering, so that rendering reads nothing else. */
export interface DocumentContent {
  kind: DocumentKind;
  /** The invoice's or credit note's number; null for shipping papers. */
  number: string | null;
  issuedAt: Date;
  order: {
    id: string;
    reference: string | null;
    account: string;
    kind: OrderKind;
    dueAt: Date;
    zone: string | null;
    warehouse: string | null;
    paymentMode: PaymentMode;
    lines: { sku: string; qty: number; price: number }[];
  };
  /** The invoice a credit note corrects, and why. */
  corrects?: { number: string; issuedAt: Date; reason: string };
  /** The order's public tracking link, for the shipping label's QR code. */
  trackingUrl?: string;
}
