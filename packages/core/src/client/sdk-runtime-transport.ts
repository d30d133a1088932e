import {
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  InvokeModelWithResponseStreamCommand,
  type BedrockRuntimeClient,
} from '@aws-sdk/client-bedrock-runtime';
import { instrumentCommand } from './call-middleware.js';
import { abortOptions } from './linked-abort.js';
import type { RuntimeTransport } from './runtime-transport.js';

/** The reference path: every call through the SDK's command and middleware stack. */
export function createSdkRuntimeTransport(
  runtime: BedrockRuntimeClient,
  streamingRuntime: BedrockRuntimeClient,
): RuntimeTransport {
  return {
    path: 'sdk',
    async invokeModel({ modelId, body, headers, signal }) {
      const command = new InvokeModelCommand({
        modelId,
        body,
        contentType: 'application/json',
        accept: 'application/json',
      });
      const capture = instrumentCommand(command, headers);
      const output = await runtime.send(command, abortOptions(signal));
      return {
        text: output.body.transformToString(),
        headers: capture.headers,
        requestId: output.$metadata.requestId,
      };
    },
    async invokeModelStream({ modelId, body, headers, signal }) {
      const command = new InvokeModelWithResponseStreamCommand({
        modelId,
        body,
        contentType: 'application/json',
        accept: 'application/json',
      });
      instrumentCommand(command, headers);
      const response = await streamingRuntime.send(command, { abortSignal: signal });
      return { requestId: response.$metadata.requestId, events: response.body };
    },
    async converse({ modelId, fields, headers, signal }) {
      const command = new ConverseCommand({ modelId, ...fields });
      instrumentCommand(command, headers);
      const { $metadata, ...output } = await runtime.send(command, abortOptions(signal));
      return { output, requestId: $metadata.requestId };
    },
    async converseStream({ modelId, fields, headers, signal }) {
      const command = new ConverseStreamCommand({ modelId, ...fields });
      instrumentCommand(command, headers);
      const response = await streamingRuntime.send(command, { abortSignal: signal });
      return { requestId: response.$metadata.requestId, events: response.stream };
    },
  };
}
