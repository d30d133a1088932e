import { randomUUID } from 'node:crypto';
import {
  CreateFoundationModelAgreementCommand,
  CreateModelCustomizationJobCommand,
  CreateModelInvocationJobCommand,
  CreateProvisionedModelThroughputCommand,
  GetCustomModelCommand,
  GetFoundationModelCommand,
  GetInferenceProfileCommand,
  GetModelCustomizationJobCommand,
  GetModelInvocationJobCommand,
  GetProvisionedModelThroughputCommand,
  ListCustomModelsCommand,
  ListFoundationModelAgreementOffersCommand,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
  ListModelCustomizationJobsCommand,
  ListModelInvocationJobsCommand,
  ListProvisionedModelThroughputsCommand,
  StopModelCustomizationJobCommand,
  StopModelInvocationJobCommand,
  type CreateModelCustomizationJobCommandInput,
  type CreateModelInvocationJobCommandInput,
  type CreateProvisionedModelThroughputCommandInput,
  type CustomModelSummary,
  type GetCustomModelCommandOutput,
  type GetInferenceProfileCommandOutput,
  type GetModelCustomizationJobCommandOutput,
  type GetModelInvocationJobCommandOutput,
  type GetProvisionedModelThroughputCommandOutput,
  type InferenceProfileSummary,
  type ModelCustomizationJobSummary,
  type ModelInvocationJobSummary,
  type Offer,
  type ProvisionedModelSummary,
} from '@aws-sdk/client-bedrock';
import { QuarryError } from '../errors/quarry-error.js';
import { withRetry } from '../retry/with-retry.js';
import type { ClientContext } from './client-context.js';
import type {
  ControlPlaneApi,
  FoundationModelInfo,
  InferenceProfileType,
  ListModelsFilter,
} from './control-plane-api.js';
import type { CallOptions } from './client-types.js';
import { abortOptions } from './linked-abort.js';

/** Stop after this many pages so a misbehaving endpoint cannot loop a list call forever. */
const MAX_PAGES = 1_000;

type Send = ClientContext['control']['send'];

function call<T>(
  context: ClientContext,
  operation: string,
  run: (signal: AbortSignal | undefined) => Promise<T>,
  options: CallOptions,
): Promise<T> {
  return withRetry(() => run(options.signal), context.retry, {
    signal: options.signal,
    context: { region: context.region, operation },
  });
}

async function collectPages<T>(
  operation: string,
  fetchPage: (
    nextToken: string | undefined,
  ) => Promise<{ items: readonly T[] | undefined; nextToken: string | undefined }>,
): Promise<T[]> {
  const all: T[] = [];
  let nextToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = await fetchPage(nextToken);
    all.push(...(result.items ?? []));
    nextToken = result.nextToken;
    if (nextToken === undefined || nextToken === '') return all;
  }
  // A silently truncated list would look complete; refuse instead.
  throw new QuarryError(
    'UPSTREAM_UNAVAILABLE',
    `${operation} still had more results after ${MAX_PAGES} pages; Bedrock's paging looks broken.`,
  );
}

/** The control-plane reads and writes of the Quarry client (everything but inference). */
export function createControlPlaneApi(context: ClientContext): ControlPlaneApi {
  const send: Send = context.control.send.bind(context.control);
  const paged = <T>(
    operation: string,
    options: CallOptions,
    page: (
      nextToken: string | undefined,
      signal: AbortSignal | undefined,
    ) => Promise<{ items: readonly T[] | undefined; nextToken: string | undefined }>,
  ): Promise<T[]> =>
    collectPages(operation, (token) => call(context, operation, (signal) => page(token, signal), options));

  return {
    async listModels(
      filter: ListModelsFilter = {},
      options: CallOptions = {},
    ): Promise<FoundationModelInfo[]> {
      const output = await call(
        context,
        'ListFoundationModels',
        (signal) => send(new ListFoundationModelsCommand(filter), abortOptions(signal)),
        options,
      );
      return (output.modelSummaries ?? []).map((summary) => ({
        summary,
        catalog: summary.modelId === undefined ? undefined : context.catalog.get(summary.modelId),
      }));
    },
    async getModel(
      modelIdentifier: string,
      options: CallOptions = {},
    ): Promise<FoundationModelInfo | undefined> {
      const output = await call(
        context,
        'GetFoundationModel',
        (signal) => send(new GetFoundationModelCommand({ modelIdentifier }), abortOptions(signal)),
        options,
      );
      const summary = output.modelDetails;
      if (summary === undefined) return undefined;
      return {
        summary,
        catalog: summary.modelId === undefined ? undefined : context.catalog.get(summary.modelId),
      };
    },
    listCustomModels(options: CallOptions = {}): Promise<CustomModelSummary[]> {
      return paged('ListCustomModels', options, async (nextToken, signal) => {
        const output = await send(new ListCustomModelsCommand({ nextToken }), abortOptions(signal));
        return { items: output.modelSummaries, nextToken: output.nextToken };
      });
    },
    getCustomModel(modelIdentifier: string, options: CallOptions = {}): Promise<GetCustomModelCommandOutput> {
      return call(
        context,
        'GetCustomModel',
        (signal) => send(new GetCustomModelCommand({ modelIdentifier }), abortOptions(signal)),
        options,
      );
    },
    listCustomizationJobs(options: CallOptions = {}): Promise<ModelCustomizationJobSummary[]> {
      return paged('ListModelCustomizationJobs', options, async (nextToken, signal) => {
        const output = await send(new ListModelCustomizationJobsCommand({ nextToken }), abortOptions(signal));
        return { items: output.modelCustomizationJobSummaries, nextToken: output.nextToken };
      });
    },
    getCustomizationJob(
      jobIdentifier: string,
      options: CallOptions = {},
    ): Promise<GetModelCustomizationJobCommandOutput> {
      return call(
        context,
        'GetModelCustomizationJob',
        (signal) => send(new GetModelCustomizationJobCommand({ jobIdentifier }), abortOptions(signal)),
        options,
      );
    },
    async createCustomizationJob(
      input: CreateModelCustomizationJobCommandInput,
      options: CallOptions = {},
    ): Promise<string> {
      // The token makes retries of one logical create idempotent at Bedrock.
      const request = { clientRequestToken: randomUUID(), ...input };
      const output = await call(
        context,
        'CreateModelCustomizationJob',
        (signal) => send(new CreateModelCustomizationJobCommand(request), abortOptions(signal)),
        options,
      );
      return output.jobArn ?? '';
    },
    async stopCustomizationJob(jobIdentifier: string, options: CallOptions = {}): Promise<void> {
      await call(
        context,
        'StopModelCustomizationJob',
        (signal) => send(new StopModelCustomizationJobCommand({ jobIdentifier }), abortOptions(signal)),
        options,
      );
    },
    listProvisionedThroughputs(options: CallOptions = {}): Promise<ProvisionedModelSummary[]> {
      return paged('ListProvisionedModelThroughputs', options, async (nextToken, signal) => {
        const output = await send(
          new ListProvisionedModelThroughputsCommand({ nextToken }),
          abortOptions(signal),
        );
        return { items: output.provisionedModelSummaries, nextToken: output.nextToken };
      });
    },
    getProvisionedThroughput(
      provisionedModelId: string,
      options: CallOptions = {},
    ): Promise<GetProvisionedModelThroughputCommandOutput> {
      return call(
        context,
        'GetProvisionedModelThroughput',
        (signal) =>
          send(new GetProvisionedModelThroughputCommand({ provisionedModelId }), abortOptions(signal)),
        options,
      );
    },
    async createProvisionedThroughput(
      input: CreateProvisionedModelThroughputCommandInput,
      options: CallOptions = {},
    ): Promise<string> {
      const request = { clientRequestToken: randomUUID(), ...input };
      const output = await call(
        context,
        'CreateProvisionedModelThroughput',
        (signal) => send(new CreateProvisionedModelThroughputCommand(request), abortOptions(signal)),
        options,
      );
      return output.provisionedModelArn ?? '';
    },
    listInferenceProfiles(
      options: CallOptions & { type?: InferenceProfileType } = {},
    ): Promise<InferenceProfileSummary[]> {
      return paged('ListInferenceProfiles', options, async (nextToken, signal) => {
        const output = await send(
          new ListInferenceProfilesCommand({
            nextToken,
            ...(options.type !== undefined && { typeEquals: options.type }),
          }),
          abortOptions(signal),
        );
        return { items: output.inferenceProfileSummaries, nextToken: output.nextToken };
      });
    },
    getInferenceProfile(
      inferenceProfileIdentifier: string,
      options: CallOptions = {},
    ): Promise<GetInferenceProfileCommandOutput> {
      return call(
        context,
        'GetInferenceProfile',
        (signal) =>
          send(new GetInferenceProfileCommand({ inferenceProfileIdentifier }), abortOptions(signal)),
        options,
      );
    },
    async listAgreementOffers(modelId: string, options: CallOptions = {}): Promise<Offer[]> {
      const output = await call(
        context,
        'ListFoundationModelAgreementOffers',
        (signal) => send(new ListFoundationModelAgreementOffersCommand({ modelId }), abortOptions(signal)),
        options,
      );
      return output.offers ?? [];
    },
    async createAgreement(modelId: string, offerToken: string, options: CallOptions = {}): Promise<string> {
      const output = await call(
        context,
        'CreateFoundationModelAgreement',
        (signal) =>
          send(new CreateFoundationModelAgreementCommand({ modelId, offerToken }), abortOptions(signal)),
        options,
      );
      return output.modelId ?? modelId;
    },
    listBatchJobs(options: CallOptions = {}): Promise<ModelInvocationJobSummary[]> {
      return paged('ListModelInvocationJobs', options, async (nextToken, signal) => {
        const output = await send(new ListModelInvocationJobsCommand({ nextToken }), abortOptions(signal));
        return { items: output.invocationJobSummaries, nextToken: output.nextToken };
      });
    },
    async stopBatchJob(jobIdentifier: string, options: CallOptions = {}): Promise<void> {
      await call(
        context,
        'StopModelInvocationJob',
        (signal) => send(new StopModelInvocationJobCommand({ jobIdentifier }), abortOptions(signal)),
        options,
      );
    },
    getBatchJob(
      jobIdentifier: string,
      options: CallOptions = {},
    ): Promise<GetModelInvocationJobCommandOutput> {
      return call(
        context,
        'GetModelInvocationJob',
        (signal) => send(new GetModelInvocationJobCommand({ jobIdentifier }), abortOptions(signal)),
        options,
      );
    },
    async createBatchJob(
      input: CreateModelInvocationJobCommandInput,
      options: CallOptions = {},
    ): Promise<string> {
      const request = { clientRequestToken: randomUUID(), ...input };
      const output = await call(
        context,
        'CreateModelInvocationJob',
        (signal) => send(new CreateModelInvocationJobCommand(request), abortOptions(signal)),
        options,
      );
      return output.jobArn ?? '';
    },
  };
}
