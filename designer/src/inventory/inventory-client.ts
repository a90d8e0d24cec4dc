import type { Price, PriceList, Product, ReceiptResult, ReceiptUploadResult, SplitProposal, StockRow, WarehouseSettings, WarehouseSettingsInput } from '../../../domain/inventory.ts';
import { ApiError } from '../api/api-error.ts';
import { request } from '../api/request.ts';
import { currentCsrfToken } from '../api/session-store.ts';

export const listProducts = async (signal?: AbortSignal) => (await request<{ products: Product[] }>('/products?limit=500', { signal })).products;
export const listPriceLists = async (signal?: AbortSignal) => (await request<{ priceLists: PriceList[] }>('/price-lists', { signal })).priceLists;
export const listPrices = async (listId: string, signal?: AbortSignal) => (await request<{ prices: Price[] }>(`/price-lists/${encodeURIComponent(listId)}/prices`, { signal })).prices;
export const listStock = async (signal?: AbortSignal) => (await request<{ stock: StockRow[] }>('/stock?limit=500', { signal })).stock;
export const receiveStock = (body: { id: string; warehouse: string; lines: { sku: string; qty: number }[] }) => request<ReceiptResult>('/stock/receipts', { method: 'POST', body });

/** Sends the CSV as the body itself, under an id of its own: sending the same upload again adds nothing. */
export async function uploadReceipts(file: File, id: string): Promise<ReceiptUploadResult> {
  const csrf = currentCsrfToken();
  let response: Response;
  try {
    response = await fetch(`/stock/receipts/upload?id=${encodeURIComponent(id)}`, {
      method: 'POST',
      body: file,
      headers: { accept: 'application/json', 'content-type': file.type || 'text/csv', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
    });
  } catch {
    throw new ApiError(0, 'unreachable', 'The Sluice API cannot be reached. Check that the server is running.');
  }
  const body = (await response.json().catch(() => undefined)) as (ReceiptUploadResult & { error?: { code: string; message: string } }) | undefined;
  if (!response.ok) throw new ApiError(response.status, body?.error?.code ?? 'http_error', body?.error?.message ?? `The server answered ${response.status}.`);
  return body!;
}
/** The split of an order into the lines its warehouse covers now and the rest; a 409 says why there is none. */
export const proposeSplitByAvailability = (orderId: string, signal?: AbortSignal) => request<SplitProposal>(`/orders/${encodeURIComponent(orderId)}/split-by-availability`, { signal });
export const listWarehouses = async (signal?: AbortSignal) => (await request<{ warehouses: WarehouseSettings[] }>('/warehouses', { signal })).warehouses;
export const putWarehouseSettings = (warehouse: string, settings: WarehouseSettingsInput) => request<WarehouseSettings>(`/warehouses/${encodeURIComponent(warehouse)}`, { method: 'PUT', body: settings });
