const MESSAGES = {
  disconnected: 'The client disconnected before the answer was ready.',
  'socket-closed': "The client's graphql-ws socket closed before the answer was ready.",
  completed: 'The operation was completed by the client before it finished.',
} as const;

/**
 * Why an operation was cancelled from the client's side: the HTTP connection closed before the
 * answer, the graphql-ws socket closed, or the client completed the operation. Used as the abort
 * reason, so whatever the cancelled upstream call throws is known for what it is: the client's
 * choice, not a gateway fault, and never an internal error in the logs.
 */
export class ClientGoneError extends Error {
  override name = 'ClientGoneError';
  constructor(readonly how: 'disconnected' | 'socket-closed' | 'completed') {
    super(MESSAGES[how]);
  }
}
