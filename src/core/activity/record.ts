/** The canonical activity record (JSON), as the foundation issue defines it. */
export interface ActivityRecord {
  id: string;
  title: string;
  /** "3" */
  outcome: string;
  /** "3.2" */
  subOutcome: string;
  /** "3.2.4" */
  approach: string;
  /** Canonical agency names: "CITES Secretariat", "INTERPOL", "UNODC", "World Bank", "WCO". */
  leadAgencies: string[];
  /** "National" | "Regional" | "International" */
  level: string;
  /** ISO 3166-1 alpha-3 codes. */
  countries: string[];
  /** "Identification" | "Planning" | "Implementation" | "Reporting" */
  stage: string;
  /** "Not started" | "Planned" | "In progress" | "Completed" | "Delayed" | "Cancelled" */
  status: string;
  /** "YYYY-MM-DD" or null when empty. */
  startDate: string | null;
  endDate: string | null;
  budgetUsd: number | null;
  fundedUsd: number | null;
  /** 0 to 1, or null when empty. */
  progress: number | null;
  /** Integers 1 to 5, or null when empty (then the country's values apply for scoring). */
  need: number | null;
  valueAdded: number | null;
  engagement: number | null;
  notes: string;
}

/** A record with every field empty: what a blank row parses to, and where an import starts. */
export function emptyRecord(): ActivityRecord {
  return {
    id: "",
    title: "",
    outcome: "",
    subOutcome: "",
    approach: "",
    leadAgencies: [],
    level: "",
    countries: [],
    stage: "",
    status: "",
    startDate: null,
    endDate: null,
    budgetUsd: null,
    fundedUsd: null,
    progress: null,
    need: null,
    valueAdded: null,
    engagement: null,
    notes: "",
  };
}
