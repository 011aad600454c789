// Shapes of the catalog tables. The catalog is data: hover, preview,
// request-file diagnostics, completion, the emulator and the CLI all read
// these same tables, so the types are kept plain and machine-usable.
import type { Text } from '../i18n';

export type { Text };

/**
 * Where an entry's meaning comes from: a seed document, catalog-facts.md (both in ../shared),
 * the issue that asked for it (its text states the meaning), a public source of Alipay's own,
 * or 'inferred' — our reading, not stated by any of those. Front ends flag inferred meanings
 * (hover, explain, decode, preview) in both languages.
 * - 'alipay-sdk-net-all': the field descriptions of Alipay's official .NET SDK, github.com/alipay/alipay-sdk-net-all,
 *   v2/AlipaySDKNet.Standard/Domain/<Method>Model.cs (biz_content), Response/<Method>Response.cs (answer),
 *   Domain/TradeFundBill.cs etc. (list items), AopResponse.cs (code, msg, sub_code, sub_msg).
 * - 'alipay-api-docs': Alipay's open-platform API reference: the common error codes page
 *   (opendocs.alipay.com/open/common/105806) and each method's business error-code table, as published at
 *   zhifubao.apifox.cn (e.g. api-126426144 alipay.trade.query, api-126427173 app.pay, api-126371943 close).
 */
export type CatalogSource = 'seed 000' | 'seed 002' | 'seed 003' | 'catalog-facts.md' | 'issue #14' | 'alipay-sdk-net-all' | 'alipay-api-docs' | 'inferred';

/** Where a code is raised: the MAPI gateway, Alipay's systems, the business system, or the OpenAPI family. */
export type ErrorLevel = 'gateway' | 'system' | 'business' | 'openapi-code' | 'openapi-sub-code';

/** A toolkit action a front end may offer next to a code (the extension maps it to a command if one is registered). */
export type ActionHint = 'signatureDoctor' | 'profiles' | 'emulator';

export interface ErrorEntry {
  code: string;
  level: ErrorLevel;
  meaning: Text;
  /** What a developer should check, most likely cause first. Absent for codes nobody but Alipay can fix. */
  check?: Text[];
  /** Where the code is documented (seed number or service name). */
  seenIn?: string[];
  action?: ActionHint;
  /** OpenAPI sub-codes: the common code they come with (e.g. 40002). */
  parent?: string;
  source?: CatalogSource;
}

export interface EnumValue {
  value: string;
  meaning: Text;
  /** Extra detail beyond the meaning (e.g. refundable or not). */
  note?: Text;
  source?: CatalogSource;
}

export interface EnumDef {
  /** Stable id, used by ParamSpec.enum and FieldDef.enum. */
  name: string;
  title: Text;
  /** Field names whose values come from this enumeration. */
  fields: string[];
  values: EnumValue[];
  /** Values arrive as a bracketed list, e.g. `[REFUND,CONFIRM_GOODS]`. */
  list?: boolean;
  /** Values are free-text ambiguous (T, F, 1, POST…): explain only with a known field. */
  needsField?: boolean;
}

export type ParamType = 'string' | 'amount' | 'date' | 'enum' | 'partnerId' | 'int' | 'url' | 'email';

export interface ParamSpec {
  name: string;
  type: ParamType;
  required: boolean;
  maxLength?: number;
  minLength?: number;
  /** Inclusive numeric range (amount, int). */
  min?: number;
  max?: number;
  /** EnumDef.name when type is 'enum'. */
  enum?: string;
  /** Parameters sharing a oneOf group: at least one of the group is required (e.g. 'trade_no|out_trade_no'). */
  oneOf?: string;
  /** Format notes beyond the type (e.g. `trade_no^amount^reason` joined with `#`). */
  format?: Text;
  example?: string;
}

export type ServiceKind = 'page' | 'xml' | 'text' | 'string';

export interface ServiceDef {
  name: string;
  purpose: Text;
  /** How the gateway answers: a page redirect, synchronous XML, plain text, or a client-side order string. */
  kind: ServiceKind;
  /** Common and business parameters, in documentation order. */
  params: ParamSpec[];
  /** Some services (refund pwd/nopwd, forex pay/refund) answer differently per variant. */
  note?: Text;
  source?: CatalogSource;
}

export type FieldKind = 'string' | 'amount' | 'date' | 'enum' | 'partnerId' | 'number' | 'email' | 'url' | 'list';

export interface FieldDef {
  name: string;
  /** Short label: zh is the document's Chinese name. */
  label: Text;
  meaning: Text;
  kind: FieldKind;
  enum?: string;
  maxLength?: number;
  /** Where the field appears: '002', '003', 'notify', 'request', 'openapi'. */
  sources: string[];
  /** Where its meaning comes from (set for entries added or corrected since sources were tracked). */
  source?: CatalogSource;
}
