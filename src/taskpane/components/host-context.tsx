/** The PlanHost reaches every panel through context, so a test renders a panel with a fake host. */
import { createContext, useContext, type ReactNode } from "react";
import type { PlanHost } from "../host/plan-host";

const HostContext = createContext<PlanHost | null>(null);

export function HostProvider({ host, children }: { host: PlanHost; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): PlanHost {
  const host = useContext(HostContext);
  if (!host) throw new Error("useHost outside HostProvider"); // a programming error: App always provides one
  return host;
}
