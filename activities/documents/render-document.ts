import type { DocumentContent } from './document-content.ts';
import { renderPaperDocument } from './paper-documents.ts';
import { renderShippingLabel } from './shipping-label.ts';

/**
 * The version of the layouts below, stored with every document: a stored PDF is never rendered again, so
 * the version says which layout printed it. Raise it with any change to what a document looks like.
 */
export const TEMPLATE_VERSION = 1;

export const renderDocument = (content: DocumentContent): Promise<Buffer> => (content.kind === 'shipping_label' ? renderShippingLabel(content) : renderPaperDocument(content));
