/**
 * One long operation of a panel: running flag, progress, cancel (an AbortController passed down to
 * the use case and the port), and the failure as a Problem. A second start while one runs is ignored,
 * so a double click never writes twice.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import type { ProgressReport } from "../../ports/workbook-port";
import { describeError, type Problem } from "../errors";
import type { OperationOptions } from "../host/plan-host";

export interface Operation<T> {
  running: boolean;
  progress: ProgressReport | null;
  problem: Problem | null;
  result: T | null;
  start(work: (options: Required<Pick<OperationOptions, "signal" | "onProgress">>) => Promise<T>): Promise<T | null>;
  cancel(): void;
  clear(): void;
}

export function useOperation<T>(action: string): Operation<T> {
  const [running, setRunning] = useState(false);
  const [progress, setProgress] = useState<ProgressReport | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [result, setResult] = useState<T | null>(null);
  const controller = useRef<AbortController | null>(null);
  const mounted = useRef(true);

  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
      controller.current?.abort();
    };
  }, []);

  const start = useCallback(
    async (
      work: (options: Required<Pick<OperationOptions, "signal" | "onProgress">>) => Promise<T>,
    ): Promise<T | null> => {
      if (controller.current) return null;
      const c = new AbortController();
      controller.current = c;
      setRunning(true);
      setProblem(null);
      setProgress(null);
      try {
        const out = await work({ signal: c.signal, onProgress: (p) => mounted.current && setProgress(p) });
        if (c.signal.aborted) throw Object.assign(new Error("Cancelled"), { name: "AbortError" });
        if (mounted.current) setResult(out);
        return out;
      } catch (e) {
        if (mounted.current) setProblem(describeError(e, action));
        return null;
      } finally {
        controller.current = null;
        if (mounted.current) {
          setRunning(false);
          setProgress(null);
        }
      }
    },
    [action],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);
  const clear = useCallback(() => {
    setResult(null);
    setProblem(null);
  }, []);

  return { running, progress, problem, result, start, cancel, clear };
}
