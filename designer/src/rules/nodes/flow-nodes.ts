import type { Node } from '@xyflow/react';
import type { NodeDataByKind, NodeKind } from '../../graph/rules-graph-model.ts';

/** The graph model's nodes as React Flow sees them. */
export type FlowNode<K extends NodeKind = NodeKind> = { [T in K]: Node<NodeDataByKind[T], T> }[K];
