import { ValidationError } from '@quarry/core';
import type { GatewayContext } from '../../context.js';
import { GatewayError } from '../../errors/gateway-error.js';
import type { ApiKeyView } from '../../governance/api-key-record.js';
import { toUsd } from '../../governance/budget-ledger.js';
import { ADMIN_KEY_ID } from '../../governance/caller.js';
import type {
  ApiKeyResolvers,
  AuditEntryResolvers,
  MutationResolvers,
  QueryResolvers,
  UsageRowResolvers,
} from '../__generated__/resolvers-types.js';

const DEFAULT_AUDIT_PAGE = 50;
const MAX_AUDIT_PAGE = 500;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Keys, usage and audit: admin-only except `me` and a key's own usage. */
export function createGovernanceResolvers(): {
  query: QueryResolvers;
  mutation: MutationResolvers;
  types: { ApiKey: ApiKeyResolvers; UsageRow: UsageRowResolvers; AuditEntry: AuditEntryResolvers };
} {
  return {
    query: {
      me: async (_root, _args, context) => {
        const { caller } = context;
        if (caller.keyId === ADMIN_KEY_ID) return adminView(context);
        const record = await context.governance.keys.get(caller.keyId);
        if (record === undefined) throw new GatewayError('UNAUTHENTICATED', 'This API key no longer exists.');
        return record;
      },
      apiKeys: async (_root, _args, context) => {
        await requireAdmin(context, 'apiKeys');
        return context.governance.keys.list();
      },
      usage: async (_root, { from, to, keyId }, context) => {
        for (const [field, value] of [
          ['from', from],
          ['to', to],
        ] as const) {
          if (value != null && !DAY.test(value))
            throw new ValidationError(
              field,
              `${field} must be a UTC day such as 2026-12-06, got "${value}".`,
            );
        }
        const own = context.caller.keyId;
        if (!context.caller.admin && keyId != null && keyId !== own) {
          throw new GatewayError(
            'FORBIDDEN',
            `This API key may read only its own usage (keyId ${own}); reading ${keyId}'s needs ADMIN.`,
          );
        }
        return context.governance.usage.query({
          from: from ?? null,
          to: to ?? null,
          keyId: context.caller.admin ? (keyId ?? null) : own,
        });
      },
      auditLog: async (_root, { first, after }, context) => {
        await requireAdmin(context, 'auditLog');
        const size = first ?? DEFAULT_AUDIT_PAGE;
        if (!Number.isInteger(size) || size < 1 || size > MAX_AUDIT_PAGE)
          throw new ValidationError('first', `first must be 1 to ${MAX_AUDIT_PAGE}, got ${size}.`);
        if (after != null && !/^\d+$/.test(after))
          throw new ValidationError('after', 'after must be a nextCursor from a previous auditLog page.');
        return context.governance.audit.page(size, after ?? null);
      },
    },
    mutation: {
      createApiKey: async (_root, { input }, context) => {
        await requireAdmin(context, 'createApiKey');
        const { record, secret } = await context.governance.keys.create(input);
        await audit(context, 'createApiKey', `created ${record.id} (${record.name})`);
        return { apiKey: record, secret };
      },
      revokeApiKey: async (_root, { id }, context) => {
        await requireAdmin(context, 'revokeApiKey');
        const record = await context.governance.keys.revoke(id);
        await audit(context, 'revokeApiKey', `revoked ${id}`);
        return record;
      },
      rotateApiKey: async (_root, { id }, context) => {
        await requireAdmin(context, 'rotateApiKey');
        const { record, secret } = await context.governance.keys.rotate(id);
        await audit(context, 'rotateApiKey', `rotated ${id}`);
        return { apiKey: record, secret };
      },
    },
    types: {
      ApiKey: {
        spentUsd: (key, _args, context) => context.governance.policy.spentUsd(key.id),
      },
      UsageRow: {
        costUsd: (row) => toUsd(row.costNanos),
      },
      AuditEntry: {
        id: (entry) => String(entry.seq),
      },
    },
  };
}

async function requireAdmin(context: GatewayContext, action: string): Promise<void> {
  if (context.caller.admin) return;
  await context.governance.policy.record(
    { caller: context.caller, requestId: context.requestId },
    action,
    'needs ADMIN',
    'FORBIDDEN',
  );
  throw new GatewayError('FORBIDDEN', `${action} needs operation ADMIN, which this API key lacks.`);
}

async function audit(context: GatewayContext, action: string, detail: string): Promise<void> {
  await context.governance.policy.record(
    { caller: context.caller, requestId: context.requestId },
    action,
    detail,
  );
}

function adminView(context: GatewayContext): ApiKeyView {
  const { caller } = context;
  return {
    id: caller.keyId,
    name: caller.name,
    prefix: '',
    models: caller.models,
    operations: caller.operations,
    requestsPerMinute: null,
    tokensPerMinute: null,
    monthlyBudgetUsd: null,
    createdAt: new Date(0).toISOString(),
    expiresAt: null,
    revokedAt: null,
  };
}
