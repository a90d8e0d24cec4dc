import { Alert, Button, FileInput, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { ReceiptUploadResult } from '../../../domain/inventory.ts';
import { LoadError } from '../api/load-error.tsx';
import { useResource } from '../api/use-resource.ts';
import { WarehouseSettingsSection } from './warehouse-settings-section.tsx';
import { listPriceLists, listPrices, listProducts, listStock, listWarehouses, receiveStock, uploadReceipts } from './inventory-client.ts';

/** Products with their default list price, stock per warehouse, when each warehouse reserves, and receiving stock by hand or from a CSV file. */
export function InventoryView() {
  const products = useResource('products', listProducts);
  const prices = useResource('default-prices', async (signal) => {
    const lists = await listPriceLists(signal);
    const standard = lists.find((l) => l.isDefault);
    return new Map((standard ? await listPrices(standard.id, signal) : []).map((p) => [p.sku, p.price]));
  });
  const stock = useResource('stock', listStock);
  // A first receipt into a warehouse adds it to the warehouses' list.
  const warehouses = useResource('warehouses', listWarehouses);
  const reload = () => {
    stock.reload();
    warehouses.reload();
    products.reload();
  };
  return (
    <Stack gap="lg" maw={1100}>
      <Title order={2}>Products & stock</Title>
      <section aria-labelledby="products-title">
        <Title order={3} id="products-title">Products</Title>
        {products.error && <LoadError title="Products could not be loaded" error={products.error} onRetry={products.reload} />}
        {products.data?.length === 0 && <Text c="dimmed">No products yet: add them through the API (PUT /products/…).</Text>}
        {(products.data?.length ?? 0) > 0 && (
          <Table striped withTableBorder data-testid="products-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>SKU</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Unit</Table.Th>
                <Table.Th>Default price</Table.Th>
                <Table.Th>Sold</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {products.data!.map((p) => (
                <Table.Tr key={p.sku}>
                  <Table.Td>{p.sku}</Table.Td>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.unit}</Table.Td>
                  <Table.Td>{prices.data?.get(p.sku)?.toLocaleString('en', { minimumFractionDigits: 2 }) ?? '—'}</Table.Td>
                  <Table.Td>{p.active ? 'Yes' : 'No longer'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="stock-title">
        <Title order={3} id="stock-title">Stock per warehouse</Title>
        {stock.error && <LoadError title="Stock could not be loaded" error={stock.error} onRetry={stock.reload} />}
        {stock.data?.length === 0 && <Text c="dimmed">No stock received yet.</Text>}
        {(stock.data?.length ?? 0) > 0 && (
          <Table striped withTableBorder data-testid="stock-table">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Warehouse</Table.Th>
                <Table.Th>SKU</Table.Th>
                <Table.Th>On hand</Table.Th>
                <Table.Th>Reserved</Table.Th>
                <Table.Th>Available</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {stock.data!.map((s) => (
                <Table.Tr key={`${s.warehouse}/${s.sku}`}>
                  <Table.Td>{s.warehouse}</Table.Td>
                  <Table.Td>{s.sku}</Table.Td>
                  <Table.Td>{s.onHand.toLocaleString('en')}</Table.Td>
                  <Table.Td>{s.reserved.toLocaleString('en')}</Table.Td>
                  <Table.Td>{s.available.toLocaleString('en')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <WarehouseSettingsSection warehouses={warehouses} />
      <ReceiptForm onReceived={reload} />
      <ReceiptUpload onReceived={reload} />
    </Stack>
  );
}

/** A receipt id per form opened, so a double click or a retry takes the receipt once. */
const newReceiptId = () => `app-${crypto.randomUUID()}`;

function ReceiptForm({ onReceived }: { onReceived: () => void }) {
  const [id, setId] = useState(newReceiptId);
  const [warehouse, setWarehouse] = useState('');
  const [sku, setSku] = useState('');
  const [qty, setQty] = useState<number | string>('');
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    setBusy(true);
    try {
      const result = await receiveStock({ id, warehouse: warehouse.trim(), lines: [{ sku: sku.trim(), qty: Number(qty) }] });
      setMessage({ ok: true, text: `Received ${qty} × ${sku} into ${warehouse}.${result.cleared.length > 0 ? ` ${result.cleared.length} order(s) on an inventory hold now hold their stock and go on.` : ''}` });
      setId(newReceiptId());
      setQty('');
      onReceived();
    } catch (err) {
      setMessage({ ok: false, text: (err as Error).message });
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="receive-title">
      <Title order={3} id="receive-title">Receive stock</Title>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void submit();
        }}
      >
        <Group align="flex-end">
          <TextInput label="Warehouse" required value={warehouse} onChange={(e) => setWarehouse(e.currentTarget.value)} />
          <TextInput label="SKU" required value={sku} onChange={(e) => setSku(e.currentTarget.value)} />
          <NumberInput label="Quantity" required min={1} allowDecimal={false} value={qty} onChange={setQty} />
          <Button type="submit" loading={busy}>
            Receive
          </Button>
        </Group>
      </form>
      {message && (
        <Alert mt="sm" color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      )}
    </section>
  );
}

function ReceiptUpload({ onReceived }: { onReceived: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<ReceiptUploadResult>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      setReport(await uploadReceipts(file, newReceiptId()));
      onReceived();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section aria-labelledby="upload-title">
      <Title order={3} id="upload-title">Receive from a file</Title>
      <Text size="sm" c="dimmed">
        A CSV with a header row naming sku, warehouse and qty; one receipt a row.
      </Text>
      <Group align="flex-end">
        <FileInput label="Receipts file" accept=".csv,text/csv" value={file} onChange={setFile} w={320} />
        <Button onClick={() => void upload()} disabled={!file} loading={busy}>
          Upload
        </Button>
      </Group>
      {error && (
        <Alert mt="sm" color="red" role="alert">
          {error}
        </Alert>
      )}
      {report && (
        <Table mt="sm" withTableBorder data-testid="receipt-report" maw={720}>
          <Table.Caption>
            {report.rows.filter((r) => r.outcome === 'received').length} of {report.rows.length} rows received; {report.cleared.length} order(s) released from an inventory hold.
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Row</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Problems</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {report.rows.map((r) => (
              <Table.Tr key={r.row}>
                <Table.Td>{r.row}</Table.Td>
                <Table.Td>{r.outcome}</Table.Td>
                <Table.Td>{r.problems.join('; ')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </section>
  );
}
