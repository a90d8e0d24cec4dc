export { areaControllerWorkflow } from './area-controller.workflow.ts';
export { importOrdersWorkflow } from './import-orders.workflow.ts';
export { orderWorkflow } from './order.workflow.ts';
export { rulesPublishedWorkflow } from './rules-published.workflow.ts';
export { storeRestoredWorkflow } from './store-restored.workflow.ts';
export { webhookDeliveryWorkflow } from './webhook-delivery.workflow.ts';
export { bulkJobWorkflow } from './bulk-job.workflow.ts';
export { issueDocumentWorkflow } from './issue-document.workflow.ts';
