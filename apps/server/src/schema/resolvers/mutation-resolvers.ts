import { requireOperation } from '../../governance/require-operation.js';
import { ValidationError } from '@quarry/core';
import { toCustomizationJob, toProvisionedThroughput } from '../../mapping/control-plane-views.js';
import type { EmbeddingView } from '../../mapping/embedding-view.js';
import { underInput, withInputPaths } from '../../errors/input-paths.js';
import { chatInputPath, toChatRequest } from '../../mapping/to-chat-request.js';
import { jsonObject, toCitationView, toInvokeAgentRequest } from '../../agents/agent-views.js';
import { recordBatchJob, requireOwnedBatchJob } from '../../batch/batch-job-owners.js';
import type { InvokeInput, MutationResolvers } from '../__generated__/resolvers-types.js';

/** ImageInput has no output format, so every family is asked for its default: PNG. */
const IMAGE_MIME = 'image/png';

export function createMutationResolvers(): MutationResolvers {
  return {
    invoke: async (_root, { input }, context) => {
      const result = await withInputPaths(
        underInput((field) => chatInputPath(input, field)),
        () => context.client.invoke(input.modelId, toChatRequest(input), { signal: context.signal }),
      );
      return {
        text: result.text,
        stopReason: result.stopReason,
        rawStopReason: result.rawStopReason,
        usage: result.usage,
        toolCalls: [...result.toolCalls],
        modelId: result.modelId,
        baseModelId: result.baseModelId,
        latencyMs: result.latencyMs,
        cost: result.cost,
        requestId: result.requestId ?? null,
      };
    },

    invokeRaw: async (_root, { modelId, body }, context) => {
      // GraphQL already refused null (JSON!); arrays and scalars are not native bodies.
      if (typeof body !== 'object' || Array.isArray(body)) {
        throw new ValidationError(
          'body',
          "body must be a JSON object: the model family's native InvokeModel request.",
        );
      }
      return (await context.client.invokeRaw(modelId, body, { signal: context.signal })).body;
    },

    embed: async (_root, { input }, context) => {
      if (input.texts.length > context.maxEmbedTexts) {
        throw new ValidationError(
          'input.texts',
          `embed takes at most ${context.maxEmbedTexts} texts per call, got ${input.texts.length}; split the batch.`,
        );
      }
      const response = await withInputPaths(underInput(), () =>
        context.client.embed(
          input.modelId,
          {
            texts: input.texts,
            ...(input.dimensions != null && { dimensions: input.dimensions }),
            ...(input.normalize != null && { normalize: input.normalize }),
            ...(input.inputType != null && { inputType: input.inputType }),
          },
          { signal: context.signal, format: 'float32' },
        ),
      );
      const embeddings: EmbeddingView[] = response.items.map((item) =>
        item.ok
          ? { index: item.index, vector: item.vector, error: undefined }
          : { index: item.index, vector: undefined, error: item.error },
      );
      return {
        embeddings,
        usage: response.usage,
        cost: response.cost,
        modelId: response.modelId,
        latencyMs: response.latencyMs,
      };
    },

    generateImage: async (_root, { input }, context) => {
      const response = await withInputPaths(underInput(), () =>
        context.client.generateImage(
          input.modelId,
          {
            prompt: input.prompt,
            ...(input.negativePrompt != null && { negativePrompt: input.negativePrompt }),
            ...(input.width != null && { width: input.width }),
            ...(input.height != null && { height: input.height }),
            ...(input.seed != null && { seed: input.seed }),
            ...(input.count != null && { count: input.count }),
            ...(input.cfgScale != null && { cfgScale: input.cfgScale }),
          },
          { signal: context.signal },
        ),
      );
      return {
        images: response.images.map((image) => ({
          base64: image.base64,
          mimeType: IMAGE_MIME,
          seed: image.seed ?? null,
        })),
        modelId: response.modelId,
        latencyMs: response.latencyMs,
        cost: response.cost,
      };
    },

    createModelCustomizationJob: async (_root, { input }, context) => {
      const hyperParameters = stringMap(input.hyperParameters, 'input.hyperParameters');
      const jobArn = await context.client.createCustomizationJob(
        {
          jobName: input.jobName,
          customModelName: input.customModelName,
          roleArn: input.roleArn,
          baseModelIdentifier: input.baseModelId,
          trainingDataConfig: { s3Uri: input.trainingDataS3Uri },
          outputDataConfig: { s3Uri: input.outputDataS3Uri },
          ...(input.validationDataS3Uri != null && {
            validationDataConfig: { validators: [{ s3Uri: input.validationDataS3Uri }] },
          }),
          ...(input.customizationType != null && { customizationType: input.customizationType }),
          ...(hyperParameters !== undefined && { hyperParameters }),
        },
        { signal: context.signal },
      );
      return toCustomizationJob(await context.client.getCustomizationJob(jobArn, { signal: context.signal }));
    },

    createProvisionedThroughput: async (_root, { input }, context) => {
      if (!Number.isInteger(input.modelUnits) || input.modelUnits < 1) {
        throw new ValidationError(
          'input.modelUnits',
          `modelUnits must be a positive integer, got ${input.modelUnits}.`,
        );
      }
      const arn = await context.client.createProvisionedThroughput(
        {
          provisionedModelName: input.provisionedModelName,
          modelId: input.modelId,
          modelUnits: input.modelUnits,
          ...(input.commitmentDuration != null && { commitmentDuration: input.commitmentDuration }),
        },
        { signal: context.signal },
      );
      return toProvisionedThroughput(
        await context.client.getProvisionedThroughput(arn, { signal: context.signal }),
      );
    },

    acceptAgreement: async (_root, { modelId, offerToken }, context) => {
      // Agreements belong to base models: resolve profile IDs and ARNs as agreementOffers does, so
      // a token listed for `us.…` is accepted for the same ID.
      const resolved = await context.client.resolveModel(modelId, { signal: context.signal });
      const accepted = await context.client.createAgreement(resolved.model.modelId, offerToken, {
        signal: context.signal,
      });
      return { modelId: accepted, accepted: true };
    },

    createBatchJob: async (_root, { input }, context) => {
      requireOperation(context.caller, 'JOBS', 'createBatchJob');
      const job = await withInputPaths(
        underInput((field) => batchRecordPath(input.records, field)),
        () => {
          const records = input.records?.map((record, index) => {
            if (record.modelId !== input.modelId) {
              throw new ValidationError(
                `records[${index}].modelId`,
                `Record ${index} names ${record.modelId}; every record of a batch job runs on the job's model ${input.modelId}.`,
              );
            }
            try {
              return toChatRequest(record);
            } catch (error) {
              throw error instanceof ValidationError
                ? new ValidationError(`records[${index}].${error.field}`, error.message, { cause: error })
                : error;
            }
          });
          return context.batch.create(
            {
              modelId: input.modelId,
              records,
              inputS3Uri: input.inputS3Uri ?? undefined,
              outputS3Uri: input.outputS3Uri ?? undefined,
              name: input.name ?? input.jobName ?? undefined,
              roleArn: input.roleArn ?? undefined,
              timeoutDurationInHours: input.timeoutDurationInHours ?? undefined,
            },
            context.signal,
          );
        },
      );
      await recordBatchJob(context.store, {
        id: job.id,
        owner: context.caller.keyId,
        modelId: job.modelId,
        name: job.name,
      });
      return job;
    },

    stopBatchJob: async (_root, { id }, context) => {
      await requireOwnedBatchJob(context, id);
      return context.batch.stop(id, context.signal);
    },

    retrieveAndGenerate: async (_root, { input }, context) => {
      const answer = await context.client.retrieveAndGenerate(
        {
          knowledgeBaseId: input.knowledgeBaseId,
          modelId: input.modelId,
          query: input.query,
          ...(input.sessionId != null && { sessionId: input.sessionId }),
          ...(input.numberOfResults != null && { numberOfResults: input.numberOfResults }),
          ...(input.filter != null && { filter: jsonObject(input.filter, 'filter') }),
        },
        { signal: context.signal },
      );
      return {
        text: answer.text,
        sessionId: answer.sessionId,
        citations: answer.citations.map(toCitationView),
      };
    },

    invokeAgent: async (_root, { input }, context) => {
      const result = await context.client.invokeAgent(toInvokeAgentRequest(input), {
        signal: context.signal,
      });
      return {
        sessionId: result.sessionId,
        text: result.text,
        citations: result.citations.map(toCitationView),
        traces: [...result.traces],
        returnControl:
          result.returnControl === undefined
            ? null
            : { invocationId: result.returnControl.invocationId, inputs: result.returnControl.inputs },
      };
    },
  };
}

/** Bedrock's hyperparameters are a map of strings ({"epochCount": "2"}). */
function stringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value == null) return undefined;
  if (
    typeof value !== 'object' ||
    Array.isArray(value) ||
    Object.values(value).some((entry) => typeof entry !== 'string')
  ) {
    throw new ValidationError(
      field,
      `${field} must be an object of string values, e.g. {"epochCount": "2"}.`,
    );
  }
  return value as Record<string, string>;
}

/** `records[3].messages[0].content[0]` (core's batch path) → `records[3].prompt` (the input's). */
function batchRecordPath(records: readonly InvokeInput[] | null | undefined, field: string): string {
  const match = /^records\[(\d+)\]\.(.+)$/.exec(field);
  const record = match === null ? undefined : records?.[Number(match[1])];
  return match === null || record === undefined
    ? field
    : `records[${match[1]}].${chatInputPath(record, match[2] ?? '')}`;
}
