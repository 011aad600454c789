// The catalog's lookup API. Tables are plain data (see types.ts); front ends
// read them through these functions.
export * from './types';
export { errorByCode, allErrors, LEVEL_TEXT } from './errors';
export { enumFor, enumByName, enumValue, allEnums } from './enums';
export { service, allServices, paramSpec, commonParams } from './services';
export { field, allFields, openApiField } from './fields';
export { openApiMethod, allOpenApiMethods, type OpenApiMethod } from './openapi';
