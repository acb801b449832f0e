/**
 * A strict in-memory simulation of the Excel JavaScript API subset the adapter uses (see
 * docs/excel-host.md). Use `new SimWorkbook()` or `SimWorkbook.fromGrids(...)`, then pass
 * `simulatedRun(sim)` wherever `Excel.run` goes and `sim.isSetSupported` wherever
 * `Office.context.requirements.isSetSupported` goes.
 */
export { SimWorkbook, SimSheet, WEB_LIMITS, type SimLimits, type SimOptions, type SyncRecord } from "./state";
export { runSimulated, simulatedRun, SimRequestContext } from "./context";
export { SimulatedOfficeError, type SimErrorCode } from "./errors";
export { typeIntoCell } from "./excel-input";
export { SimEventHub, type ChangeOrigin, type RaisedEvent } from "./events";
