// The side bar's feature code (dist/features.js): tree implementations, item
// actions and the gateway status item. ./index.ts registers them lazily.
export { profilesTree } from './profilesTree';
export { gatewayTree } from './gatewayTree';
export { historyTree } from './historyTree';
export { gatewayActions } from './actions';
export { gatewayStatusState } from './gatewayStatus';
