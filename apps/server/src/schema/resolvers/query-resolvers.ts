import { requireOperation } from '../../governance/require-operation.js';
import {
  toAgreementOffer,
  toCustomizationJob,
  toCustomModel,
  toInferenceProfile,
  toProvisionedThroughput,
} from '../../mapping/control-plane-views.js';
import { filterModelViews } from '../../models/filter-models.js';
import { jsonObject, toRetrievalResult } from '../../agents/agent-views.js';
import { ownedBatchJobIds, ownsBatchJob } from '../../batch/batch-job-owners.js';
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export function createQueryResolvers(): QueryResolvers {
  return {
    models: async (_root, { filter }, context) => filterModelViews(await context.models.list(), filter),
    model: async (_root, { id }, context) => (await context.models.get(id, context.signal)) ?? null,
    inferenceProfiles: async (_root, _args, context) =>
      (await context.models.profiles()).map(toInferenceProfile),
    customModels: async (_root, _args, context) =>
      (await context.client.listCustomModels({ signal: context.signal })).map(toCustomModel),
    customizationJobs: async (_root, _args, context) =>
      (await context.client.listCustomizationJobs({ signal: context.signal })).map(toCustomizationJob),
    provisionedThroughputs: async (_root, _args, context) =>
      (await context.client.listProvisionedThroughputs({ signal: context.signal })).map(
        toProvisionedThroughput,
      ),
    agreementOffers: async (_root, { modelId }, context) => {
      const resolved = await context.client.resolveModel(modelId, { signal: context.signal });
      const offers = await context.client.listAgreementOffers(resolved.model.modelId, {
        signal: context.signal,
      });
      return offers.map(toAgreementOffer);
    },
    batchJobs: async (_root, _args, context) => {
      requireOperation(context.caller, 'JOBS', 'batchJobs');
      const ids = await ownedBatchJobIds(context.store, context.caller.keyId);
      const jobs = await Promise.all(ids.map((id) => context.batch.get(id, context.signal)));
      return jobs.filter((job) => job !== undefined);
    },
    batchJob: async (_root, { id }, context) =>
      (requireOperation(context.caller, 'JOBS', 'batchJob'),
      await ownsBatchJob(context.store, id, context.caller.keyId))
        ? ((await context.batch.get(id, context.signal)) ?? null)
        : null,
    retrieve: async (_root, { input }, context) => {
      const { results } = await context.client.retrieve(input.knowledgeBaseId, input.query, {
        signal: context.signal,
        ...(input.numberOfResults != null && { numberOfResults: input.numberOfResults }),
        ...(input.filter != null && { filter: jsonObject(input.filter, 'filter') }),
      });
      return results.map(toRetrievalResult);
    },
  };
}
