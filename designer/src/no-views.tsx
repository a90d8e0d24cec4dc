import { EmptyState } from '@mantine/core';

/** Roles that open no screen (e.g. a role added on the server but not yet to the designer). */
export function NoViews() {
  return (
    <EmptyState
      py="xl"
      title="Nothing to show for your roles"
      description="None of your roles opens a screen here. Ask a Sluice administrator to give you the role your work needs."
    />
  );
}
