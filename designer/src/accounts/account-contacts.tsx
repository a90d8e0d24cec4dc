import { ActionIcon, Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useResource } from '../api/use-resource.ts';
import { addContact, deleteContact, listContacts } from './accounts-client.ts';

/** The people at a customer; added and removed by who keeps the account. */
export function AccountContacts({ code, editable }: { code: string; editable: boolean }) {
  const contacts = useResource(`contacts:${code}`, (signal) => listContacts(code, signal));
  const [draft, setDraft] = useState({ name: '', role: '', email: '', phone: '' });
  const [error, setError] = useState<string | null>(null);
  const set = (field: keyof typeof draft) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [field]: e.currentTarget.value });

  const add = async () => {
    setError(null);
    try {
      const given = Object.fromEntries(Object.entries(draft).filter(([, v]) => v.trim() !== ''));
      await addContact(code, given as { name: string });
      setDraft({ name: '', role: '', email: '', phone: '' });
      contacts.reload();
    } catch (err) {
      setError((err as Error).message);
    }
  };

  return (
    <Stack gap="xs" component="section" aria-label="Contacts">
      <Title order={3}>Contacts</Title>
      {contacts.data?.length === 0 && <Text size="sm" c="dimmed">No contacts yet.</Text>}
      {contacts.data && contacts.data.length > 0 && (
        <Table data-testid="account-contacts">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Phone</Table.Th>
              {editable && <Table.Th aria-label="Remove" />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {contacts.data.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>{c.name}</Table.Td>
                <Table.Td>{c.role}</Table.Td>
                <Table.Td>{c.email}</Table.Td>
                <Table.Td>{c.phone}</Table.Td>
                {editable && (
                  <Table.Td>
                    <ActionIcon variant="subtle" color="red" aria-label={`Remove ${c.name}`} onClick={() => void deleteContact(code, c.id).then(contacts.reload)}>
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {editable && (
        <Group align="flex-end" gap="xs">
          <TextInput label="Contact name" value={draft.name} onChange={set('name')} maxLength={120} data-testid="contact-name" />
          <TextInput label="Their role" value={draft.role} onChange={set('role')} maxLength={60} />
          <TextInput label="Email" type="email" value={draft.email} onChange={set('email')} maxLength={254} />
          <TextInput label="Phone" type="tel" value={draft.phone} onChange={set('phone')} maxLength={40} />
          <Button variant="default" onClick={() => void add()} disabled={draft.name.trim() === ''} data-testid="contact-add">
            Add contact
          </Button>
        </Group>
      )}
      {error && <Alert color="red">{error}</Alert>}
    </Stack>
  );
}
