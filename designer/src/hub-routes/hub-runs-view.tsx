import { SegmentedControl, Stack } from '@mantine/core';
import { useState } from 'react';
import { can } from '../../../domain/roles.ts';
import { useSession } from '../session/use-session.ts';
import { WaybillsView } from '../waybills/waybills-view.tsx';
import { RoutesView } from './routes-view.tsx';

type Part = 'waybills' | 'routes';

/**
 * The hub's runs in one tab: waybills (for who runs them) and routes with their sessions (for whoever reads
 * orders); a part the person may not use is not offered.
 */
export function HubRunsView() {
  const { user } = useSession();
  const parts = [
    ...(can(user.roles, 'waybills.manage') ? [{ value: 'waybills', label: 'Waybills' }] : []),
    ...(can(user.roles, 'routes.read') ? [{ value: 'routes', label: 'Routes & sessions' }] : []),
  ] as { value: Part; label: string }[];
  const [part, setPart] = useState<Part>(parts[0]?.value ?? 'routes');

  return (
    <Stack gap="md">
      {parts.length > 1 && <SegmentedControl data={parts} value={part} onChange={(v) => setPart(v as Part)} aria-label="Part of the hub runs" data-testid="hub-runs-part" style={{ alignSelf: 'flex-start' }} />}
      {part === 'waybills' ? <WaybillsView /> : <RoutesView />}
    </Stack>
  );
}
