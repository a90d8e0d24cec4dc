import { Handle, Position } from '@xyflow/react';
import { useCanvas } from '../canvas-context.ts';

/** Links leave a node on its right and enter on its left; on a read-only canvas nobody should see or grab them. */
export function NodeHandle({ type }: { type: 'source' | 'target' }) {
  const { readOnly } = useCanvas();
  return (
    <Handle
      type={type}
      position={type === 'source' ? Position.Right : Position.Left}
      isConnectable={!readOnly}
      style={readOnly ? { opacity: 0 } : { width: 12, height: 12, background: 'var(--mantine-color-blue-6)', border: '2px solid white' }}
    />
  );
}
