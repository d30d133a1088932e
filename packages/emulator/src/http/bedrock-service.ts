/**
 * The three Bedrock services the emulator serves on one port. They model different exceptions
 * (bedrock-protocol.md §4.2), so anything that invents an error, such as a fault, needs to know
 * which one it is answering for.
 */
export type BedrockService = 'runtime' | 'control-plane' | 'agent-runtime';
