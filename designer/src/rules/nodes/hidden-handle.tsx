import { Handle, Position } from '@xyflow/react';

/** Edges need handles to attach to, but the canvas is read-only, so nobody should see or grab them. */
export function HiddenHandle({ type }: { type: 'source' | 'target' }) {
  return (
    <Handle
      type={type}
      position={type === 'source' ? Position.Right : Position.Left}
      isConnectable={false}
      style={{ opacity: 0 }}
    />
  );
}
