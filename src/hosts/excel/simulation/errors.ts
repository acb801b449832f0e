/**
 * The errors the simulation raises, with the same `code` strings Office.js puts on its
 * OfficeExtension.Error, so adapter code that branches on `error.code` behaves the same in tests.
 */
export type SimErrorCode =
  | "PropertyNotLoaded"
  | "RequestPayloadSizeLimitExceeded"
  | "ResponsePayloadSizeLimitExceeded"
  | "ItemNotFound"
  | "ItemAlreadyExists"
  | "InvalidArgument"
  | "InvalidOperation"
  | "ApiNotFound"
  | "RequestAborted";

export class SimulatedOfficeError extends Error {
  constructor(
    readonly code: SimErrorCode,
    message: string,
    /** Like OfficeExtension.Error.debugInfo: where it happened. */
    readonly debugInfo: { code: SimErrorCode; message: string; errorLocation?: string } = { code, message },
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

export function propertyNotLoaded(objectName: string, property: string): SimulatedOfficeError {
  return new SimulatedOfficeError(
    "PropertyNotLoaded",
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object (${objectName}) and call "context.sync()" on the associated request context.`,
  );
}
