import { Accordion, Table } from '@mantine/core';
import { PERMISSIONS, ROLE_LABELS, ROLES, type Permission, type Role } from '../../../domain/roles.ts';
import { PERMISSION_LABELS } from './permission-labels.ts';

function permissionsOf(role: Role): Permission[] {
  return (Object.keys(PERMISSIONS) as Permission[]).filter((permission) =>
    (PERMISSIONS[permission] as readonly Role[]).includes(role),
  );
}

/** Read from the same table the API enforces, so what it says is what a role really allows. */
export function RoleGuide() {
  return (
    <Accordion variant="contained">
      <Accordion.Item value="roles">
        <Accordion.Control>What each role may do</Accordion.Control>
        <Accordion.Panel>
          <Table verticalSpacing={4} data-testid="role-guide">
            <Table.Tbody>
              {ROLES.map((role) => (
                <Table.Tr key={role}>
                  <Table.Th w={160}>{ROLE_LABELS[role]}</Table.Th>
                  <Table.Td>{permissionsOf(role).map((permission) => PERMISSION_LABELS[permission]).join('; ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  );
}
